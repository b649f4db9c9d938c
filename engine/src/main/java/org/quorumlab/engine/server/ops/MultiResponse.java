package org.quorumlab.engine.server.ops;

import java.util.List;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.MultiHeader;

/** Reply of multi/multiRead: (header, body) per op, then a done marker, as ZooKeeper's MultiResponse. */
public record MultiResponse(List<Result> results) implements JuteRecord {

    /** One op's outcome; {@code body} may be null (delete, check). */
    public record Result(int type, int err, JuteRecord body) {
    }

    @Override
    public void write(JuteOutput out) {
        for (Result r : results) {
            new MultiHeader(r.type(), false, r.err()).write(out);
            if (r.body() != null) {
                r.body().write(out);
            }
        }
        new MultiHeader(-1, true, -1).write(out);
    }
}
