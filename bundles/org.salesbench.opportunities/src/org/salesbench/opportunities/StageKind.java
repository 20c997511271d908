package org.salesbench.opportunities;

/** Whether a stage is still being worked or ends the deal. */
public enum StageKind {
    OPEN, WON, LOST
}
