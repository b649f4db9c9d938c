package org.quorumlab.engine.server;

/** Handles one opcode. Registered once in {@link OpRegistry}; the pipeline never switches on opcodes. */
public sealed interface OpHandler permits ReadOp, WriteOp {
    int opCode();
}
