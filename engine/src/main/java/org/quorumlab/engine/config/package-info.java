/**
 * Immutable server configuration parsed once from zoo.cfg or flags; the admin token file
 * ({@code admin.tokenFile}) is read and checked while parsing, so a bad one stops the server before
 * it binds anything. Imports only java.*.
 */
package org.quorumlab.engine.config;
