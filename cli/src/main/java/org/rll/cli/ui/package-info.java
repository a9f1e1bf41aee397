/**
 * {@code rll ui}: the dashboard's HTTP server, its pages and their static files, served with the
 * JDK's HTTP server on 127.0.0.1 unless told otherwise.
 */
package org.rll.cli.ui;
