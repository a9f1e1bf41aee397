/** {@code rll dataset}: dataset preparation from the command line. */
package org.rll.cli.dataset;
