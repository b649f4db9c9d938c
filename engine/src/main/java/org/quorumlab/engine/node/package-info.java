/** Assembly of one server process: storage, recovery, pipeline, replicator and network adapters. */
package org.quorumlab.engine.node;
