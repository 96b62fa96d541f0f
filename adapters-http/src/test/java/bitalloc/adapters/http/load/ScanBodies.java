package bitalloc.adapters.http.load;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Builds large, valid scan bodies like the agent would send for a big botnet. */
final class ScanBodies {

    private ScanBodies() {
    }

    static byte[] scan(int hosts, int processesPerHost, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder(hosts * processesPerHost * 140).append("{\"session\":\"bench\",\"hosts\":[");
        long pid = 1;
        for (int h = 0; h < hosts; h++) {
            if (h > 0) {
                json.append(',');
            }
            json.append("{\"hostname\":\"pserv-").append(h).append("\",\"maxRam\":1048576,\"usedRam\":")
                    .append(processesPerHost * 2L * 175 / 100).append('.').append(String.format("%02d",
                            processesPerHost * 2L * 175 % 100))
                    .append(",\"cores\":1,\"purchased\":true,\"processes\":[");
            for (int p = 0; p < processesPerHost; p++) {
                if (p > 0) {
                    json.append(',');
                }
                json.append("{\"pid\":").append(pid++)
                        .append(",\"filename\":\"bitalloc/").append(random.nextBoolean() ? "hack" : "weaken")
                        .append(".js\",\"threads\":2,\"ramPerThread\":1.75,\"args\":[\"--allocId=")
                        .append(new java.util.UUID(random.nextLong(), random.nextLong()))
                        .append("\",\"n00dles\",").append(random.nextInt(1000)).append("]}");
            }
            json.append("]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
