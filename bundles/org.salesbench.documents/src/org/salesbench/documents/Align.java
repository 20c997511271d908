package org.salesbench.documents;

/** Horizontal alignment of a table column: numbers are right-aligned, text left. */
public enum Align {
    LEFT, CENTER, RIGHT
}
