/** The performance module's views and editors: they call the model's API services and hold no business rule. */
package org.salesbench.performance.ui.internal;
