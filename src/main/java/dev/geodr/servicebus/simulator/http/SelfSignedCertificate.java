package dev.geodr.servicebus.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's TLS identity, made fresh at every start: an EC P-256 key and a self-signed
 * certificate for {@code 127.0.0.1} and {@code localhost} (both as SANs, so hostname verification
 * passes for either), plus any extra names the configuration gives (an address a Pod dials). The
 * PEM certificate is written to disk so clients ({@code curl --cacert}, the Azure SDK's HTTP
 * client) can trust exactly this certificate; the key file is owner-readable only.
 */
public final class SelfSignedCertificate {

    /** IPv4 dotted quads and anything with a colon (IPv6); everything else is a DNS name. */
    private static final Pattern IP_LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private static final char[] STORE_PASSWORD = "simulator".toCharArray();

    private final X509Certificate certificate;
    private final KeyPair keyPair;
    private final Path directory;
    private final boolean ownsDirectory;
    private final Path certificatePath;
    private final Path keyPath;

    private SelfSignedCertificate(
            X509Certificate certificate, KeyPair keyPair, Path directory, boolean ownsDirectory) {
        this.certificate = certificate;
        this.keyPair = keyPair;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.certificatePath = directory.resolve("simulator-cert.pem");
        this.keyPath = directory.resolve("simulator-key.pem");
    }

    /**
     * Makes the key and certificate and writes both PEM files to {@code dir} (a new temp dir when
     * null).
     */
    public static SelfSignedCertificate create(Path dir) {
        return create(dir, List.of());
    }

    /** As {@link #create(Path)}, covering {@code extraNames} (IP literals or DNS names) too. */
    public static SelfSignedCertificate create(Path dir, List<String> extraNames) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = gen.generateKeyPair();
            X509Certificate cert = sign(kp, extraNames);
            boolean owns = dir == null;
            Path target =
                    owns
                            ? Files.createTempDirectory("arm-simulator-")
                            : Files.createDirectories(dir);
            SelfSignedCertificate c = new SelfSignedCertificate(cert, kp, target, owns);
            c.writeFiles();
            return c;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(
                    "cannot make the simulator's self-signed certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's certificate", e);
        }
    }

    private static X509Certificate sign(KeyPair kp, List<String> extraNames)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=ARM geo-DR simulator,O=servicebus-geodr-operator");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b =
                new JcaX509v3CertificateBuilder(
                        subject,
                        new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                        Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(365))),
                        subject,
                        kp.getPublic());
        b.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(subjectNames(extraNames)));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    static GeneralName[] subjectNames(List<String> extraNames) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        for (String name : extraNames) {
            names.add(
                    new GeneralName(
                            IP_LITERAL.matcher(name).matches()
                                    ? GeneralName.iPAddress
                                    : GeneralName.dNSName,
                            name));
        }
        return names.toArray(GeneralName[]::new);
    }

    private void writeFiles() throws IOException {
        Files.writeString(certificatePath, pem(certificate));
        Files.deleteIfExists(keyPath);
        try {
            Files.createFile(
                    keyPath,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(keyPath);
        }
        Files.writeString(keyPath, pem(new JcaPKCS8Generator(keyPair.getPrivate(), null)));
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }

    /** The key and certificate as an in-memory PKCS#12 store, for the server's TLS options. */
    public byte[] pkcs12() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(
                    "simulator",
                    keyPair.getPrivate(),
                    STORE_PASSWORD,
                    new X509Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, STORE_PASSWORD);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the simulator's key store", e);
        }
    }

    public String storePassword() {
        return new String(STORE_PASSWORD);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path certificatePath() {
        return certificatePath;
    }

    public Path keyPath() {
        return keyPath;
    }

    public String certificatePem() {
        try {
            return Files.readString(certificatePath, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the files, and the directory when the simulator made it. */
    public void delete() {
        try {
            Files.deleteIfExists(keyPath);
            Files.deleteIfExists(certificatePath);
            if (ownsDirectory) {
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            // Best effort: a leftover temp file is harmless.
        }
    }
}
