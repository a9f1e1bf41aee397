/**
 * The dashboard's JSON API under {@code /api/}: runs, one run, its training log from an iteration
 * on, its metrics, sweeps, artifacts, and the cancel and resume actions behind a CSRF token.
 */
package org.rll.cli.ui.api;
