/**
 * The {@code rll} command line: {@link org.rll.cli.RllCommand}, the root command, lists one
 * subcommand package per job ({@code run}, {@code results}, {@code dataset}, {@code worker}), which
 * share the options in {@code options}; builds for a workstation add commands through {@link
 * org.rll.cli.CommandPlugin}.
 */
package org.rll.cli;
