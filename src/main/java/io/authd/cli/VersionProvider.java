package io.authd.cli;

import picocli.CommandLine;

/** The version Maven wrote into the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = AuthdCommand.class.getPackage().getImplementationVersion();
        return new String[] {"authd " + (v == null ? "(development build)" : v)};
    }
}
