/**
 * Made-up performance history for the demo database (a scorecard published before its period); exported to friends
 * only, never API for real data.
 */
package org.salesbench.performance.samples;
