import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's check of the hand-written bundle manifests (run with the JDK's source launcher from the build:
 * {@code java releng/manifest-check/ManifestCheck.java <repository root>}), since nothing else checks them:
 * <ol>
 * <li>every exported package has a version, and a {@code package-info.java} whose {@code @Version} says the same;</li>
 * <li>method bundles ({@code bundles/io.daybreak.methods.*}, {@code examples/*}) export nothing (ADR 0015);</li>
 * <li>every import of a Daybreak package has a version range, and the version the exporting bundle declares lies in
 * it, so a package whose version was raised cannot leave an importer resolving against nothing.</li>
 * </ol>
 * Prints every problem, naming the manifest and the package, and exits 1 if there is one.
 */
public final class ManifestCheck {
    private static final Pattern VERSION = Pattern.compile("@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\"([^\"]+)\"\\)");
    private static final Pattern RANGE = Pattern.compile("([\\[(])\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*([\\])])");

    private ManifestCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length == 0 ? "." : args[0]);
        List<Path> bundles = new ArrayList<>();
        for (String parent : List.of("bundles", "examples", "tests")) {
            try (Stream<Path> children = Files.list(root.resolve(parent))) {
                children.filter(d -> Files.isRegularFile(d.resolve("META-INF/MANIFEST.MF"))).sorted()
                        .forEach(bundles::add);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> exported = new LinkedHashMap<>();
        Map<Path, Attributes> manifests = new LinkedHashMap<>();
        for (Path bundle : bundles) {
            Attributes main;
            try (var in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
                main = new Manifest(in).getMainAttributes();
            }
            manifests.put(bundle, main);
            String name = root.relativize(bundle).toString();
            boolean methodBundle = name.startsWith("bundles/io.daybreak.methods.") || name.startsWith("examples/");
            for (Map.Entry<String, Map<String, String>> export : clauses(main.getValue("Export-Package")).entrySet()) {
                String pkg = export.getKey();
                if (methodBundle) {
                    problems.add(name + ": a method bundle exports nothing, but it exports " + pkg
                            + " (move shared code to a library bundle, ADR 0015)");
                }
                String version = export.getValue().get("version");
                if (version == null) {
                    problems.add(name + ": Export-Package " + pkg + " has no version");
                    continue;
                }
                exported.put(pkg, version);
                Path info = bundle.resolve("src").resolve(pkg.replace('.', '/')).resolve("package-info.java");
                if (!Files.exists(info)) {
                    problems.add(name + ": exported package " + pkg + " has no package-info.java with @Version(\""
                            + version + "\")");
                    continue;
                }
                Matcher annotated = VERSION.matcher(Files.readString(info));
                if (!annotated.find() || !annotated.group(1).equals(version)) {
                    problems.add(name + ": exported package " + pkg + " is version " + version + " in the manifest but "
                            + (annotated.find(0) ? annotated.group(1) : "has no @Version") + " in " + root.relativize(info));
                }
            }
        }
        manifests.forEach((bundle, main) -> {
            String name = root.relativize(bundle).toString();
            for (Map.Entry<String, Map<String, String>> imported : clauses(main.getValue("Import-Package")).entrySet()) {
                String pkg = imported.getKey();
                String version = exported.get(pkg);
                if (!pkg.startsWith("io.daybreak.") || version == null) {
                    continue;
                }
                String range = imported.getValue().get("version");
                if (range == null) {
                    problems.add(name + ": Import-Package " + pkg + " has no version range (the exporter has " + version
                            + ")");
                } else if (!inRange(version, range)) {
                    problems.add(name + ": Import-Package " + pkg + " version " + range + " excludes the exported "
                            + version);
                }
            }
        });
        problems.forEach(System.out::println);
        System.out.println(problems.isEmpty() ? "manifest check passed: " + bundles.size() + " bundles, "
                + exported.size() + " exported packages, each versioned in its package-info; method bundles export nothing"
                : problems.size() + " manifest problem(s)");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** The clauses of a package header: package → attributes (version only; directives are ignored). */
    private static Map<String, Map<String, String>> clauses(String header) {
        Map<String, Map<String, String>> clauses = new LinkedHashMap<>();
        if (header == null) {
            return clauses;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        List<String> parts = new ArrayList<>();
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            String[] pieces = part.split(";");
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < pieces.length; i++) {
                String piece = pieces[i].strip();
                if (piece.startsWith("version=")) {
                    attributes.put("version", piece.substring("version=".length()).replace("\"", "").strip());
                }
            }
            if (!pieces[0].isBlank()) {
                clauses.put(pieces[0].strip(), attributes);
            }
        }
        return clauses;
    }

    private static boolean inRange(String version, String range) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            return compare(version, range) >= 0; // a bare version means "at least"
        }
        int low = compare(version, m.group(2));
        int high = compare(version, m.group(3));
        return (m.group(1).equals("[") ? low >= 0 : low > 0) && (m.group(4).equals("]") ? high <= 0 : high < 0);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
