/**
 * {@code rll results} (Table-1-shaped rows per run and head, or per sweep setting and head
 * summarised over seeds, as text, CSV or JSON) and {@code rll report} (PNG plots of a run's
 * training log and evaluations, or of a sweep's metrics along each axis).
 */
package org.rll.cli.results;
