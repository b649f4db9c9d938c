package org.quorumlab.engine.net;

/** What the network layer needs to answer four-letter words; implemented by the server assembly. */
public interface ServerView {

    /** Text reply for a four-letter word, formatted as ZooKeeper does. */
    String fourLetterWord(String command);
}
