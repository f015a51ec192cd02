import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;

/**
 * Checks the {@code uses:} directives of the hand-written manifests against what bnd computes from the built classes
 * (the build runs it after every bundle is packaged; see {@code docs/releasing.md}). A package's {@code uses:} lists
 * the packages its classes refer to that other bundles provide or that the bundle exports, so a resolver wires an
 * importer of two packages to one consistent provider; a missing entry is the kind of fault that only shows when a
 * second provider of a package appears at run time, which is why the build computes it rather than people.
 *
 * <pre>
 * java -cp '&lt;bndlib and its dependencies&gt;/*' releng/manifest-check/UsesCheck.java &lt;root&gt;         # check
 * java -cp '&lt;bndlib and its dependencies&gt;/*' releng/manifest-check/UsesCheck.java &lt;root&gt; --fix   # rewrite
 * </pre>
 *
 * Bundles are the {@code bundles/*} and {@code examples/*} folders with a {@code META-INF/MANIFEST.MF} and a built jar
 * in {@code target/}; a bundle without a built jar is skipped and named. Prints each difference with the directive
 * bnd computed and exits 1 if there is one; {@code --fix} writes the computed directives into the manifests instead.
 */
public final class UsesCheck {
    private UsesCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length == 0 ? "." : args[0]);
        boolean fix = List.of(args).contains("--fix");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path bundle : bundles(root)) {
            Path manifestFile = bundle.resolve("META-INF/MANIFEST.MF");
            Attributes main;
            try (var in = Files.newInputStream(manifestFile)) {
                main = new Manifest(in).getMainAttributes();
            }
            String exportHeader = main.getValue(Constants.EXPORT_PACKAGE);
            if (exportHeader == null || exportHeader.isBlank()) {
                continue;
            }
            Optional<Path> jar = builtJar(bundle, main.getValue(Constants.BUNDLE_SYMBOLICNAME));
            if (jar.isEmpty()) {
                System.out.println("uses-check: skipped " + root.relativize(bundle) + " (no built jar in target/)");
                continue;
            }
            Parameters declared = OSGiHeader.parseHeader(exportHeader);
            Map<String, Set<String>> computed = computedUses(jar.get().toFile(), declared);
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, Attrs> export : declared.entrySet()) {
                String pkg = export.getKey();
                Set<String> want = computed.getOrDefault(pkg, Set.of());
                Set<String> have = split(export.getValue().get(Constants.USES_DIRECTIVE));
                if (!want.equals(have)) {
                    differences.add(pkg);
                    problems.add(root.relativize(manifestFile) + ": Export-Package " + pkg + " declares uses:=\""
                            + String.join(",", have) + "\" but its classes use " + (want.isEmpty() ? "no other package"
                            : "uses:=\"" + String.join(",", want) + "\""));
                }
            }
            if (fix && !differences.isEmpty()) {
                rewrite(manifestFile, declared, computed);
            }
            checked++;
        }
        if (fix) {
            System.out.println("uses-check: " + problems.size() + " directive(s) rewritten in " + checked + " bundle(s)");
            return;
        }
        problems.forEach(problem -> System.out.println("uses-check: " + problem));
        System.out.println("uses-check: " + checked + " exporting bundle(s) checked, " + problems.size() + " problem(s)"
                + (problems.isEmpty() ? "" : "; run it with --fix to write the computed directives"));
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    private static List<Path> bundles(Path root) throws IOException {
        List<Path> bundles = new ArrayList<>();
        for (String parent : List.of("bundles", "examples")) {
            try (Stream<Path> children = Files.list(root.resolve(parent))) {
                children.filter(d -> Files.isRegularFile(d.resolve("META-INF/MANIFEST.MF"))).sorted().forEach(bundles::add);
            }
        }
        return bundles;
    }

    /** The jar Tycho packaged ({@code <symbolic name>-<version>.jar}), not its sources or test jars. */
    private static Optional<Path> builtJar(Path bundle, String symbolicName) throws IOException {
        Path target = bundle.resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        String name = symbolicName.split(";")[0].trim();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String file = f.getFileName().toString();
                return file.startsWith(name + "-") && file.endsWith(".jar") && !file.endsWith("-sources.jar");
            }).findFirst();
        }
    }

    /** bnd's uses per exported package, for the packages and versions the manifest exports. */
    private static Map<String, Set<String>> computedUses(File jarFile, Parameters declared) throws Exception {
        Parameters exports = new Parameters();
        for (Map.Entry<String, Attrs> export : declared.entrySet()) {
            Attrs attrs = new Attrs(export.getValue());
            attrs.remove(Constants.USES_DIRECTIVE);
            exports.put(export.getKey(), attrs);
        }
        try (Analyzer analyzer = new Analyzer(); Jar jar = new Jar(jarFile)) {
            analyzer.setJar(jar);
            analyzer.setProperty(Constants.EXPORT_PACKAGE, exports.toString());
            analyzer.setProperty(Constants.IMPORT_PACKAGE, "*");
            analyzer.setProperty(Constants.NOEXTRAHEADERS, "true");
            Manifest manifest = analyzer.calcManifest();
            Parameters computed = OSGiHeader.parseHeader(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
            Map<String, Set<String>> uses = new TreeMap<>();
            for (Map.Entry<String, Attrs> export : computed.entrySet()) {
                uses.put(export.getKey(), split(export.getValue().get(Constants.USES_DIRECTIVE)));
            }
            return uses;
        }
    }

    private static Set<String> split(String list) {
        Set<String> packages = new TreeSet<>();
        if (list != null) {
            for (String pkg : list.split(",")) {
                if (!pkg.isBlank()) {
                    packages.add(pkg.trim());
                }
            }
        }
        return packages;
    }

    /**
     * Replaces the Export-Package header with one clause per line and one used package per continuation line (a
     * continuation's single leading space is dropped when the manifest is read, so the list has no blanks), and keeps
     * every other line of the manifest as it was.
     */
    private static void rewrite(Path manifestFile, Parameters declared, Map<String, Set<String>> computed)
            throws IOException {
        List<String> lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith(Constants.EXPORT_PACKAGE + ":")) {
                out.add(line);
                i++;
                continue;
            }
            i++;
            while (i < lines.size() && lines.get(i).startsWith(" ")) {
                i++;
            }
            List<String> clauses = new ArrayList<>();
            for (Map.Entry<String, Attrs> export : declared.entrySet()) {
                String clause = export.getKey() + ";version=\"" + export.getValue().getVersion() + "\"";
                Set<String> uses = computed.getOrDefault(export.getKey(), Set.of());
                clauses.add(uses.isEmpty() ? clause : clause + ";uses:=\"" + String.join(",\n ", uses) + "\"");
            }
            out.add(Constants.EXPORT_PACKAGE + ": " + String.join(",\n ", clauses));
        }
        Files.writeString(manifestFile, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }
}
