/**
 * Immutable server configuration parsed once from zoo.cfg or flags; settings read but not honoured travel in the
 * configuration as warnings for the server to log. Imports only java.*.
 */
package org.quorumlab.engine.config;
