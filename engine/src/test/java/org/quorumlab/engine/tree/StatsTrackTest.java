package org.quorumlab.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.StatsTrack;
import org.junit.jupiter.api.Test;

/** QuorumLab's StatsTrack reads and writes the text exactly as ZooKeeper 3.9.3's client-side class does. */
class StatsTrackTest {

    private static org.quorumlab.engine.tree.StatsTrack ours(String text) {
        return org.quorumlab.engine.tree.StatsTrack.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAndWritesEveryShapeAsZooKeeperDoes() {
        for (String text : new String[] {"count=0,bytes=0", "count=5,bytes=10",
                "count=-1,bytes=-1=;byteHardLimit=20;countHardLimit=4", "countHardLimit=4;bytes=7,,count=2",
                "count=3", "count==3,bytes=4", "count=1,bytes=2=;zz=9;aa=8", "count=1;;;bytes=2",
                "count=7,bytes=8,count=9"}) {
            StatsTrack theirs = new StatsTrack(text);
            org.quorumlab.engine.tree.StatsTrack mine = ours(text);
            assertThat(mine.toString()).as(text).isEqualTo(theirs.toString());
            assertThat(mine.count()).as(text).isEqualTo(theirs.getCount());
            assertThat(mine.bytes()).as(text).isEqualTo(theirs.getBytes());
            assertThat(mine.countHardLimit()).as(text).isEqualTo(theirs.getCountHardLimit());
            assertThat(mine.byteHardLimit()).as(text).isEqualTo(theirs.getByteHardLimit());
        }
    }

    @Test
    void movingCountAndBytesKeepsTheOtherKeys() {
        assertThat(ours("count=-1,bytes=-1=;countHardLimit=4").plus(2, 30).toString())
                .isEqualTo("count=1,bytes=29=;countHardLimit=4");
        assertThat(org.quorumlab.engine.tree.StatsTrack.of(3, 12).toString()).isEqualTo("count=3,bytes=12");
    }

    @Test
    void pairsZooKeepersServerWouldFailOnAreSkipped() {
        assertThat(ours("count=2,garbage,bytes=x").toString()).isEqualTo("count=2,bytes=-1");
        assertThat(ours("count=2,bytes=").toString()).isEqualTo("count=2,bytes=-1");
        assertThat(org.quorumlab.engine.tree.StatsTrack.parse(null).toString()).isEqualTo("count=-1,bytes=-1");
    }
}
