package org.quorumlab.gui.app;

import java.util.SplittableRandom;
import javafx.scene.Parent;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.lessons.LessonActions;
import org.quorumlab.gui.lessons.LessonCatalog;
import org.quorumlab.gui.lessons.LessonPlayerView;
import org.quorumlab.gui.lessons.LessonPlayerViewModel;
import org.quorumlab.gui.lessons.LessonSettings;
import org.quorumlab.gui.lessons.RecipeDemoRunner;

/**
 * Wires the Lessons tab into the console: lessons run on their own cluster in
 * {@code ~/.quorumlab/lesson-cluster}; when a lesson starts it, the console switches to it (tree,
 * cluster view) and closes it on exit.
 */
final class ConsoleLessons {

    private ConsoleLessons() {
    }

    static Parent create(MainViewModel vm) {
        AdminClient admin = new AdminClient();
        SplittableRandom random = new SplittableRandom();
        LessonActions actions = new LessonActions(LessonSettings.forConsole(LessonSettings.defaultClusterDir()), admin,
                RecipeDemoRunner.factory(random.split()), random.split());
        vm.closeOnShutdown(admin);
        vm.closeOnShutdown(actions);
        actions.onClusterStarted(l -> vm.executor().onUi(() -> vm.useCluster(l, "lesson cluster")));
        return LessonPlayerView.create(new LessonPlayerViewModel(actions, vm.executor(), LessonCatalog::bundled));
    }
}
