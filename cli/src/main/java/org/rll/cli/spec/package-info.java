/**
 * Reading what a command starts: a spec or sweep file ({@link org.rll.cli.spec.SpecFile}, JSON or
 * YAML with line numbers in errors) and run ids ({@link org.rll.cli.spec.RunIds}).
 */
package org.rll.cli.spec;
