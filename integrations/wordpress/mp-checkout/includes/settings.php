<?php
/**
 * The plugin's settings: one option holding an array, registered with the Settings API so that
 * WordPress's options.php checks the nonce and the `manage_options` capability on save, and every
 * value passes mp_checkout_sanitize_settings() before it is stored.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const MP_CHECKOUT_OPTION = 'mp_checkout_settings';
const MP_CHECKOUT_OPTION_GROUP = 'mp_checkout';

/**
 * Settings before the merchant has saved any: all empty, so that nothing looks configured (and the
 * checklist shows no green) until it is.
 *
 * @return array<string, string|int>
 */
function mp_checkout_default_settings() {
	return array(
		'public_key'    => '',
		'action'        => '',
		'status_action' => '',
		'site'          => '',
		'locale'        => '',
		'terms_page'    => 0,
		'script_url'    => '',
	);
}

/**
 * The stored settings, completed with the defaults (an old or hand-edited option may lack keys).
 *
 * @return array<string, string|int>
 */
function mp_checkout_get_settings() {
	$stored = get_option( MP_CHECKOUT_OPTION, array() );
	if ( ! is_array( $stored ) ) {
		$stored = array();
	}
	$defaults = mp_checkout_default_settings();
	return array_merge( $defaults, array_intersect_key( $stored, $defaults ) );
}

/**
 * Registers the option with its sanitize callback. On `init`, not `admin_init`, so that the
 * registered default also applies on the front end.
 */
function mp_checkout_register_settings() {
	register_setting(
		MP_CHECKOUT_OPTION_GROUP,
		MP_CHECKOUT_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'mp_checkout_sanitize_settings',
			'default'           => mp_checkout_default_settings(),
			'show_in_rest'      => false,
		)
	);
}

/**
 * Whether a value has the form of a Mercado Pago public key: `APP_USR-` (production) or `TEST-`
 * (test credentials), then letters, digits, `_` or `-`. The same rule as the element's keyMode(),
 * so a key accepted here is never refused by the element.
 *
 * @param string $key Candidate key.
 * @return string|null 'production', 'test', or null when it is neither.
 */
function mp_checkout_key_mode( $key ) {
	// The D modifier: without it `$` also matches before a trailing newline.
	if ( preg_match( '/^APP_USR-[A-Za-z0-9_-]+$/D', (string) $key ) ) {
		return 'production';
	}
	if ( preg_match( '/^TEST-[A-Za-z0-9_-]+$/D', (string) $key ) ) {
		return 'test';
	}
	return null;
}

/**
 * Whether a value looks like a Mercado Pago ACCESS TOKEN (the secret) rather than a public key.
 *
 * Both start with `APP_USR-` or `TEST-`, so a merchant can paste the wrong one; the public key is
 * printed into every page, which would publish the secret. Access tokens have the shape
 * `PREFIX-<digits>-<6 digits>-<32 hex>-<digits>` and public keys `PREFIX-<UUID>`: this shape is how
 * Mercado Pago's credentials look in its documentation and dashboards, not a documented contract,
 * so it only ever adds a refusal, never an acceptance.
 *
 * @param string $value Candidate key.
 * @return bool
 */
function mp_checkout_looks_like_access_token( $value ) {
	return (bool) preg_match( '/^(?:APP_USR|TEST)-\d{6,}-\d{6}-[0-9a-f]{32}-\d+$/Di', (string) $value );
}

/**
 * Validates a URL setting: an absolute http(s) URL or a path on this site (`/…`).
 *
 * @param string $value Raw input.
 * @return string|null The URL (trimmed), '' for empty, null when invalid.
 */
function mp_checkout_sanitize_url( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return '';
	}
	if ( '/' === $value[0] ) {
		// `//host/…` is protocol-relative: another site, with the page's scheme. Say it in full.
		if ( isset( $value[1] ) && ( '/' === $value[1] || '\\' === $value[1] ) ) {
			return null;
		}
	} else {
		// WordPress writes schemes in lower case; so do we, before comparing with its result below.
		$value = preg_replace_callback(
			'/^[a-z][a-z0-9+.-]*:/i',
			static function ( $scheme ) {
				return strtolower( $scheme[0] );
			},
			$value
		);
		$parts = wp_parse_url( $value );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! isset( $parts['scheme'] )
			|| ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return null;
		}
	}
	// esc_url_raw() strips what a URL may not hold (spaces, quotes, <, >, encoded line breaks);
	// refuse such a URL rather than store one the merchant did not type.
	return esc_url_raw( $value, array( 'http', 'https' ) ) === $value ? $value : null;
}

/**
 * Whether a URL points at Mercado Pago's SDK host. The element loads MercadoPago.js from there itself
 * (requirement R1); the plugin's script URL must be the element, never MercadoPago.js.
 *
 * @param string $url URL.
 * @return bool
 */
function mp_checkout_is_mercadopago_sdk_url( $url ) {
	$host = wp_parse_url( (string) $url, PHP_URL_HOST );
	return is_string( $host ) && 'sdk.mercadopago.com' === strtolower( rtrim( $host, '.' ) );
}

/**
 * Adds a settings error once: WordPress runs the sanitize callback twice when the option is first
 * created (update_option() then add_option()), which would show every message twice.
 *
 * @param string $code    Error code.
 * @param string $message Message shown on the settings page.
 */
function mp_checkout_settings_error( $code, $message ) {
	// The Settings API's error functions live in wp-admin; a save from elsewhere (WP-CLI, code) still
	// keeps the previous value, it just has no page to show the message on.
	if ( ! function_exists( 'add_settings_error' ) ) {
		return;
	}
	foreach ( get_settings_errors( MP_CHECKOUT_OPTION ) as $error ) {
		if ( $error['code'] === $code ) {
			return;
		}
	}
	add_settings_error( MP_CHECKOUT_OPTION, $code, $message, 'error' );
}

/**
 * Sanitize callback for the option: every field is checked; a field that fails keeps its previous
 * value and gets an error message, so one typo never wipes a working configuration.
 *
 * @param mixed $input Submitted values (already unslashed by options.php).
 * @return array<string, string|int> Values to store.
 */
function mp_checkout_sanitize_settings( $input ) {
	$old    = mp_checkout_get_settings();
	$input  = is_array( $input ) ? $input : array();
	$output = $old;

	$text = static function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) && is_scalar( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
	};

	$key = $text( 'public_key' );
	if ( '' === $key || ( null !== mp_checkout_key_mode( $key ) && ! mp_checkout_looks_like_access_token( $key ) ) ) {
		$output['public_key'] = $key;
	} elseif ( mp_checkout_looks_like_access_token( $key ) ) {
		mp_checkout_settings_error(
			'access_token_as_public_key',
			__( 'That looks like an access token, which is secret: it must stay on your server and never be put in a page. Paste the public key instead (Your integrations → Credentials → Public key).', 'mp-checkout' )
		);
	} else {
		mp_checkout_settings_error(
			'invalid_public_key',
			__( 'The public key must start with APP_USR- (production) or TEST- (test credentials), followed by letters, digits, "_" or "-". The previous key was kept.', 'mp-checkout' )
		);
	}

	$url_fields = array(
		'action'        => __( 'The payment endpoint must be an http(s) URL or a path on this site starting with "/". The previous value was kept.', 'mp-checkout' ),
		'status_action' => __( 'The status endpoint must be an http(s) URL or a path on this site starting with "/". The previous value was kept.', 'mp-checkout' ),
		'script_url'    => __( 'The script URL must be an http(s) URL or a path on this site starting with "/". The previous value was kept.', 'mp-checkout' ),
	);
	foreach ( $url_fields as $field => $message ) {
		$url = mp_checkout_sanitize_url( $text( $field ) );
		if ( null === $url ) {
			mp_checkout_settings_error( 'invalid_' . $field, $message );
		} elseif ( 'script_url' === $field && mp_checkout_is_mercadopago_sdk_url( $url ) ) {
			mp_checkout_settings_error(
				'script_url_is_sdk',
				__( 'The script URL must point at mp-checkout.js, not at MercadoPago.js: the element loads MercadoPago.js from Mercado Pago itself. The previous value was kept.', 'mp-checkout' )
			);
		} else {
			$output[ $field ] = $url;
		}
	}

	$site = strtoupper( $text( 'site' ) );
	if ( '' === $site || array_key_exists( $site, mp_checkout_sites() ) ) {
		$output['site'] = $site;
	} else {
		mp_checkout_settings_error( 'invalid_site', __( 'Unknown Mercado Pago site. The previous value was kept.', 'mp-checkout' ) );
	}

	$locale = $text( 'locale' );
	if ( '' === $locale || array_key_exists( $locale, mp_checkout_locales() ) ) {
		$output['locale'] = $locale;
	} else {
		mp_checkout_settings_error( 'invalid_locale', __( 'Unknown language. The previous value was kept.', 'mp-checkout' ) );
	}

	$output['terms_page'] = absint( $text( 'terms_page' ) );

	return $output;
}
