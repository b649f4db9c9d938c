/** Command-line entry points of the engine: server, dump, restore. */
package org.quorumlab.engine.cli;
