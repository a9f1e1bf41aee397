/**
 * {@code rll results} (Table-1-shaped rows per run and head, as text, CSV or JSON) and {@code rll
 * report} (PNG plots of a run's training log and evaluations).
 */
package org.rll.cli.results;
