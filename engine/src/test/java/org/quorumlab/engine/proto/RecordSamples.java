package org.quorumlab.engine.proto;

import static com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Builds populated instances of any record in this package, for tests that cover every record. */
final class RecordSamples {

    private static final String[] STRINGS = {
        "", "/", "/app/config", "/zk/ünïcødé/✓", "digest", "/a/b-0000000007"};

    private final Random random;
    private final boolean nulls;

    /** With {@code nulls}, every string, buffer and vector is null; nested records stay populated. */
    RecordSamples(long seed, boolean nulls) {
        this.random = new Random(seed);
        this.nulls = nulls;
    }

    static List<Class<? extends JuteRecord>> allRecordClasses() {
        List<Class<? extends JuteRecord>> classes = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(DO_NOT_INCLUDE_TESTS)
                .importPackages(RecordSamples.class.getPackageName())) {
            Class<?> type = c.reflect();
            if (type.isRecord() && JuteRecord.class.isAssignableFrom(type)) {
                classes.add(type.asSubclass(JuteRecord.class));
            }
        }
        classes.sort(Comparator.comparing(Class::getSimpleName));
        return classes;
    }

    static JuteRecord read(Class<? extends JuteRecord> type, JuteInput in) {
        try {
            Method read = type.getMethod("read", JuteInput.class);
            return type.cast(read.invoke(null, in));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type + " lacks public static read(JuteInput)", e);
        }
    }

    static byte[] bytesOf(JuteRecord r) {
        JuteOutput out = new JuteOutput();
        r.write(out);
        return out.toByteArray();
    }

    <T extends JuteRecord> T sample(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(components[i].getType(), components[i].getGenericType());
        }
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private Object value(Class<?> type, Type generic) {
        if (type == int.class) {
            return random.nextInt();
        } else if (type == long.class) {
            return random.nextLong();
        } else if (type == boolean.class) {
            return random.nextBoolean();
        } else if (type == String.class) {
            return nulls ? null : STRINGS[random.nextInt(STRINGS.length)];
        } else if (type == byte[].class) {
            if (nulls) {
                return null;
            }
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            return bytes;
        } else if (type == List.class) {
            if (nulls) {
                return null;
            }
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                items.add(value((Class<?>) element, element));
            }
            return items;
        } else if (JuteRecord.class.isAssignableFrom(type)) {
            return new RecordSamples(random.nextLong(), false).sample(type.asSubclass(JuteRecord.class));
        }
        throw new AssertionError("no sample for " + type);
    }
}
