package org.quorumlab.gui.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The lesson format rules of docs/lessons.md as the console reads them. */
class LessonReaderTest {

    private static String lesson(String action) {
        return """
                {"format":"quorumlab-lesson/1","id":"42-test","title":"t","summary":"s","steps":[
                 {"title":"a","narration":"n","action":{"type":"note"},"expect":[],"question":"q?"},
                 {"title":"b","narration":"n","action":%s,"expect":["seen"],"question":"q?"},
                 {"title":"c","narration":"n","action":{"type":"note"},"expect":[],"question":"q?"}
                ]}""".formatted(action);
    }

    @Test
    void readsActionsWithTheirArgumentsAndNodeReferences() {
        Lesson l = LessonReader.parse(lesson("{\"type\":\"write\",\"args\":{\"path\":\"/a\",\"data\":\"x\","
                + "\"node\":\"lastIsolated\"},\"expectFailure\":true}"), "42-test.json");
        LessonAction a = l.step(1).action();
        assertThat(a.type()).isEqualTo(ActionType.WRITE);
        assertThat(a.expectFailure()).isTrue();
        assertThat(a.textArg("path")).isEqualTo("/a");
        assertThat(a.nodeArg("node")).isInstanceOf(NodeRef.LastIsolated.class);
        assertThat(LessonReader.parse(lesson("{\"type\":\"killNode\",\"args\":{\"id\":3}}"), "x").step(1).action()
                .nodeArg("id")).isEqualTo(new NodeRef.Id(3));
    }

    @Test
    void rejectsWhatTheFormatForbids() {
        assertThatThrownBy(() -> LessonReader.parse(lesson("{\"type\":\"fly\"}"), "42-test.json"))
                .hasMessageContaining("42-test.json: step 2 (b): unknown action type 'fly'");
        assertThatThrownBy(() -> LessonReader.parse(lesson("{\"type\":\"killNode\",\"args\":{}}"), "f"))
                .hasMessageContaining("killNode argument 'id' is missing");
        assertThatThrownBy(() -> LessonReader.parse(lesson("{\"type\":\"heal\",\"args\":{\"now\":1}}"), "f"))
                .hasMessageContaining("heal has unknown argument 'now'");
        assertThatThrownBy(() -> LessonReader.parse(lesson("{\"type\":\"killNode\",\"args\":{\"id\":\"boss\"}}"), "f"))
                .hasMessageContaining("node reference 'boss'");
        assertThatThrownBy(() -> LessonReader.parse(lesson("{\"type\":\"note\",\"when\":1}"), "f"))
                .hasMessageContaining("unknown field 'when'");
        assertThatThrownBy(() -> LessonReader.parse(lesson("{\"type\":\"note\"}").replace("q?\"}\n]", "q\"}\n]"), "f"))
                .hasMessageContaining("question must end with '?'");
        assertThatThrownBy(() -> LessonReader.parse("{", "f")).hasMessageContaining("f: not valid JSON");
    }

    @Test
    void theBundledCatalogReadsEveryLessonInOrder() {
        assertThat(LessonCatalog.bundled().lessons()).extracting(Lesson::id).containsExactly("01-leader-election",
                "02-writes-and-quorum", "03-leader-crash-and-recovery", "04-partition-and-healing",
                "05-scaling-and-reconfig", "06-recipes-on-live-nodes");
    }
}
