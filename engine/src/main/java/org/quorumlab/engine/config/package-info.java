/**
 * Immutable server configuration parsed once from zoo.cfg or flags; settings read but not honoured travel in the
 * configuration as warnings for the server to log. The admin token file ({@code admin.tokenFile}) is read and
 * checked while parsing, so a bad one stops the server before it binds anything. Imports only java.*.
 */
package org.quorumlab.engine.config;
