/** Netty adapter for the client port: framing, connections, four-letter words. */
package org.quorumlab.engine.net;
