/**
 * Workshop lessons (docs/lessons.md): the lesson model and catalog, the actions a step runs against
 * the bundled cluster (launcher, admin API, official ZooKeeper client, recipes, auto-scaling), the
 * headless {@link org.quorumlab.gui.lessons.LessonRunner} and the Lessons tab (player). Plain Java
 * except the *View classes; never engine internals.
 */
package org.quorumlab.gui.lessons;
