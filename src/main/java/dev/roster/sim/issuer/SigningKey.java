package dev.roster.sim.issuer;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key that signs compact JWS tokens with the JDK alone (RS256/384/512, ES256/384, EdDSA, HS256),
 * with a random {@code kid}. It signs any header and payload it is given, including hostile ones,
 * which is what the attack tests need.
 */
public final class SigningKey {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String kid;
  private final String alg;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] secret;

  private SigningKey(String alg, KeyPair pair, byte[] secret) {
    this.kid = "ins_" + UUID.randomUUID().toString().replace("-", "");
    this.alg = alg;
    this.privateKey = pair == null ? null : pair.getPrivate();
    this.publicKey = pair == null ? null : pair.getPublic();
    this.secret = secret == null ? null : secret.clone();
  }

  /** A fresh 2048-bit RSA key for {@code RS256}, {@code RS384} or {@code RS512}. */
  public static SigningKey rsa(String alg) {
    return new SigningKey(alg, generate("RSA", 2048), null);
  }

  /** A fresh EC key: P-256 for {@code ES256}, P-384 for {@code ES384}. */
  public static SigningKey ec(String alg) {
    String curve = "ES384".equals(alg) ? "secp384r1" : "secp256r1";
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return new SigningKey(alg, generator.generateKeyPair(), null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh Ed25519 key for {@code EdDSA}. */
  public static SigningKey ed25519() {
    return new SigningKey("EdDSA", generate("Ed25519", 0), null);
  }

  /** An {@code HS256} key over these secret bytes. */
  public static SigningKey hmac(byte[] secret) {
    return new SigningKey("HS256", null, secret);
  }

  public String kid() {
    return kid;
  }

  public String alg() {
    return alg;
  }

  /** The public key (null for HMAC). */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as a PEM {@code PUBLIC KEY} block. */
  public String publicKeyPem() {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(publicKey.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /** The public JWK with {@code kid}, {@code alg} and {@code use: sig}. */
  public JsonObject publicJwk() {
    JWK jwk;
    if (publicKey instanceof RSAPublicKey rsa) {
      jwk =
          new RSAKey.Builder(rsa)
              .keyID(kid)
              .algorithm(new Algorithm(alg))
              .keyUse(KeyUse.SIGNATURE)
              .build();
    } else if (publicKey instanceof ECPublicKey ec) {
      jwk =
          new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec)
              .keyID(kid)
              .algorithm(new Algorithm(alg))
              .keyUse(KeyUse.SIGNATURE)
              .build();
    } else if (publicKey != null) {
      byte[] spki = publicKey.getEncoded();
      byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
      jwk =
          new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
              .keyID(kid)
              .algorithm(new Algorithm(alg))
              .keyUse(KeyUse.SIGNATURE)
              .build();
    } else {
      throw new IllegalStateException("an HMAC key has no public JWK");
    }
    return new JsonObject(jwk.toJSONObject());
  }

  /** A compact JWS of exactly this header and payload (nothing added). */
  public String sign(JsonObject header, JsonObject payload) {
    return signParts(encode(header.encode()), encode(payload.encode()));
  }

  /** Signs already-encoded parts, for tokens whose header or payload is not a JSON object. */
  public String signParts(String encodedHeader, String encodedPayload) {
    String input = encodedHeader + "." + encodedPayload;
    return input + "." + B64.encodeToString(signature(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The raw signature of {@code input} under this key's algorithm. */
  public byte[] signature(byte[] input) {
    try {
      if (secret != null) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return mac.doFinal(input);
      }
      Signature signer = Signature.getInstance(jdkAlgorithm(alg));
      signer.initSign(privateKey);
      signer.update(input);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64url without padding of a UTF-8 string. */
  public static String encode(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String jdkAlgorithm(String alg) {
    return switch (alg) {
      case "RS256" -> "SHA256withRSA";
      case "RS384" -> "SHA384withRSA";
      case "RS512" -> "SHA512withRSA";
      case "ES256" -> "SHA256withECDSAinP1363Format";
      case "ES384" -> "SHA384withECDSAinP1363Format";
      case "EdDSA" -> "Ed25519";
      default -> throw new IllegalArgumentException("unsupported algorithm " + alg);
    };
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (bits > 0) {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
