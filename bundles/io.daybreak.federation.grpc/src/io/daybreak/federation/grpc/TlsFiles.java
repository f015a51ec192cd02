package io.daybreak.federation.grpc;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PEM files of one party: its certificate chain, its PKCS#8 private key and the study CA certificate it
 * trusts. Missing files are named before any socket opens.
 */
public record TlsFiles(Path certificate, Path privateKey, Path trustedAuthority) {

    public TlsFiles {
        for (Path file : new Path[] {certificate, privateKey, trustedAuthority}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("TLS file not readable: " + file);
            }
        }
    }

    File certificateFile() {
        return certificate.toFile();
    }

    File keyFile() {
        return privateKey.toFile();
    }

    File authorityFile() {
        return trustedAuthority.toFile();
    }
}
