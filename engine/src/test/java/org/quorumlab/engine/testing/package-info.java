/** Helpers shared by the engine's tests (and, through the test jar, the console's). */
package org.quorumlab.engine.testing;
