/**
 * rll on a workstation: the product command line with the commands and the results database that
 * only a workstation needs, plugged in through {@link java.util.ServiceLoader}.
 */
package org.rll.workstation;
