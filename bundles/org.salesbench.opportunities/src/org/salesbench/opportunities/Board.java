package org.salesbench.opportunities;

import java.util.List;

/** The pipeline board: one column per stage, in stage order. */
public record Board(long pipelineId, String pipelineLabel, List<BoardColumn> columns) {
}
