package io.authd.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole machine's CPU counters from /proc/stat (Linux), to tell how much else ran during a measurement: on a
 * shared machine, load from other processes (or a hypervisor's steal) is what makes two runs disagree.
 */
record MachineCpu(long busy, long steal, long total, int cpus) {

    /** The counters now, or null where /proc/stat is not there or not understood. */
    static MachineCpu read() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal ...
            if (!f[0].equals("cpu") || f.length < 9) {
                return null;
            }
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = Long.parseLong(f[8]);
            int cpus = (int) lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
            // guest time is already counted in user (and guest_nice in nice), so it is not added again.
            return new MachineCpu(user + nice + system + irq + softirq, steal,
                    user + nice + system + idle + iowait + irq + softirq + steal, cpus);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Use between {@code earlier} and this reading, in cores. */
    Use since(MachineCpu earlier) {
        long dTotal = total - earlier.total;
        if (dTotal <= 0) {
            return null;
        }
        return new Use((double) (busy - earlier.busy) / dTotal * cpus, (double) (steal - earlier.steal) / dTotal * cpus,
                cpus);
    }

    /** Cores busy (all processes and the kernel) and cores stolen by the hypervisor, of {@code cpus}. */
    record Use(double busyCores, double stealCores, int cpus) {
    }
}
