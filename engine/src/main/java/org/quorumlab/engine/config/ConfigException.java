package org.quorumlab.engine.config;

/** A configuration problem, naming the file and line when there is one. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
