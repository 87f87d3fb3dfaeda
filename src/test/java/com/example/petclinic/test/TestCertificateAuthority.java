package com.example.petclinic.test;

import java.io.IOException;
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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority that exists only in the test JVM that made it: it issues TLS
 * server certificates for host names, and {@link #trustingOnlyThis()} is a client side
 * that trusts it and nothing else. No JVM, trust store or machine trusts it otherwise.
 */
public final class TestCertificateAuthority {

	private static final String KEY_ALGORITHM = "EC";

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final Duration VALIDITY = Duration.ofDays(1);

	private final KeyPair keys;

	private final X509Certificate certificate;

	private TestCertificateAuthority(KeyPair keys, X509Certificate certificate) {
		this.keys = keys;
		this.certificate = certificate;
	}

	/**
	 * A new authority with a self-signed root certificate for {@code name}.
	 */
	public static TestCertificateAuthority create(String name) {
		KeyPair keys = newKeyPair();
		X500Name subject = new X500Name("CN=" + name);
		return new TestCertificateAuthority(keys, sign(subject, keys.getPublic(), subject, keys, null));
	}

	/**
	 * A certificate for a TLS server known by {@code hostName}, its only name.
	 */
	public ServerCertificate issueServerCertificate(String hostName) {
		KeyPair serverKeys = newKeyPair();
		X509Certificate issued = sign(new X500Name("CN=" + hostName), serverKeys.getPublic(),
				X500Name.getInstance(this.certificate.getSubjectX500Principal().getEncoded()), this.keys, hostName);
		return new ServerCertificate(issued, serverKeys.getPrivate());
	}

	/**
	 * A client TLS context whose only trusted root is this authority's.
	 */
	public SSLContext trustingOnlyThis() {
		try {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			trusted.setCertificateEntry("test-ca", this.certificate);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot trust the test certificate authority", ex);
		}
	}

	/**
	 * A certificate for {@code subjectKey}, signed with {@code issuerKeys}: a root when
	 * {@code serverName} is {@code null}, else a TLS server's for that name.
	 */
	private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
			@Nullable String serverName) {
		Instant now = Instant.now();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(issuer,
					new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
					Date.from(now.plus(VALIDITY)), subject, subjectKey)
				.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()))
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(serverName == null));
			if (serverName == null) {
				certificate.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				certificate.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
					.addExtension(Extension.extendedKeyUsage, false,
							new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
					.addExtension(Extension.subjectAlternativeName, false,
							new GeneralNames(new GeneralName(GeneralName.dNSName, serverName)));
			}
			return new JcaX509CertificateConverter().getCertificate(
					certificate.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate())));
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot sign a test certificate", ex);
		}
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A server's certificate and its private key.
	 *
	 * @param certificate the certificate the server presents
	 * @param key the key that proves the server holds it
	 */
	public record ServerCertificate(X509Certificate certificate, PrivateKey key) {

		/**
		 * Writes the certificate and the key as PEM files, the key readable by its owner
		 * only (as OpenSSL servers such as PostgreSQL require).
		 */
		public void writePem(Path certificateFile, Path keyFile) {
			try {
				Files.writeString(certificateFile, pem("CERTIFICATE", this.certificate.getEncoded()));
				Files.deleteIfExists(keyFile);
				Files.createFile(keyFile,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				// PKCS #8, as a JCA private key is encoded.
				Files.writeString(keyFile, pem("PRIVATE KEY", this.key.getEncoded()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String pem(String type, byte[] der) {
			return "-----BEGIN %s-----%n%s%n-----END %s-----%n".formatted(type,
					Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der), type);
		}

	}

}
