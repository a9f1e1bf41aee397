/**
 * Sweeps: a base spec varied along axes of spec fields and run with several seeds. {@link
 * org.rll.workflows.sweep.SweepPlan} turns a {@link org.rll.workflows.sweep.SweepSpec} into named,
 * decoded runs, refusing a sweep that cannot run whole before any run starts.
 */
package org.rll.workflows.sweep;
