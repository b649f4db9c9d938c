/** Immutable server configuration parsed once from zoo.cfg or flags. Imports only java.*. */
package org.quorumlab.engine.config;
