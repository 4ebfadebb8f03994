<?php
/**
 * The <mp-checkout> attributes this plugin may write: the public API of PRODUCT.md §6, nothing else.
 *
 * The attribute names are a contract with the element. Anything not listed here is dropped before
 * rendering, so no shortcode, block or filter can put an event handler (`onclick`), a `style` or a
 * `slot` on the tag.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every attribute of PRODUCT.md §6, in the table's order, with how its value is written.
 *
 * - `url`:    escaped with esc_url(), which also drops `javascript:` and other unsafe schemes;
 * - `json`:   a JSON array, encoded with wp_json_encode() and escaped with esc_attr();
 * - `bool`:   a boolean attribute, written bare when true and left out when false;
 * - `string`: escaped with esc_attr().
 *
 * `from_settings` marks the attributes that only the settings page (and trusted code through the
 * `mp_checkout_tag_attributes` filter) may set: whoever controls the key and the endpoints controls
 * where a buyer's card token and money go, so an author writing a shortcode must not.
 *
 * @return array<string, array{property: string, kind: string, from_settings?: bool}>
 */
function mp_checkout_attribute_schema() {
	return array(
		'public-key'           => array(
			'property'      => 'publicKey',
			'kind'          => 'string',
			'from_settings' => true,
		),
		'amount'               => array(
			'property' => 'amount',
			'kind'     => 'string',
		),
		'action'               => array(
			'property'      => 'action',
			'kind'          => 'url',
			'from_settings' => true,
		),
		'status-action'        => array(
			'property'      => 'statusAction',
			'kind'          => 'url',
			'from_settings' => true,
		),
		'locale'               => array(
			'property' => 'locale',
			'kind'     => 'string',
		),
		'site'                 => array(
			'property' => 'site',
			'kind'     => 'string',
		),
		'payer-email'          => array(
			'property' => 'payerEmail',
			'kind'     => 'string',
		),
		'payer-first-name'     => array(
			'property' => 'payerFirstName',
			'kind'     => 'string',
		),
		'payer-last-name'      => array(
			'property' => 'payerLastName',
			'kind'     => 'string',
		),
		'items'                => array(
			'property' => 'items',
			'kind'     => 'json',
		),
		'description'          => array(
			'property' => 'description',
			'kind'     => 'string',
		),
		'statement-descriptor' => array(
			'property' => 'statementDescriptor',
			'kind'     => 'string',
		),
		'external-reference'   => array(
			'property' => 'externalReference',
			'kind'     => 'string',
		),
		'min-installments'     => array(
			'property' => 'minInstallments',
			'kind'     => 'string',
		),
		'max-installments'     => array(
			'property' => 'maxInstallments',
			'kind'     => 'string',
		),
		'success-url'          => array(
			'property' => 'successUrl',
			'kind'     => 'url',
		),
		'disabled'             => array(
			'property' => 'disabled',
			'kind'     => 'bool',
		),
		'idempotency-key'      => array(
			'property' => 'idempotencyKey',
			'kind'     => 'string',
		),
		'request-timeout'      => array(
			'property' => 'requestTimeout',
			'kind'     => 'string',
		),
		'sdk-timeout'          => array(
			'property' => 'sdkTimeout',
			'kind'     => 'string',
		),
	);
}

/**
 * Sites of PRODUCT.md §6 (Mercado Pago's country sites), for the settings page's select.
 *
 * @return array<string, string> Site id => country name.
 */
function mp_checkout_sites() {
	return array(
		'MLA' => __( 'Argentina', 'mp-checkout' ),
		'MLB' => __( 'Brazil', 'mp-checkout' ),
		'MLM' => __( 'Mexico', 'mp-checkout' ),
		'MLC' => __( 'Chile', 'mp-checkout' ),
		'MCO' => __( 'Colombia', 'mp-checkout' ),
		'MPE' => __( 'Peru', 'mp-checkout' ),
		'MLU' => __( 'Uruguay', 'mp-checkout' ),
	);
}

/**
 * Locales the element ships (PRODUCT.md §6 and the package's locales/ folder).
 *
 * @return array<string, string> Locale => label.
 */
function mp_checkout_locales() {
	return array(
		'es-AR' => 'Español (Argentina)',
		'es-MX' => 'Español (México)',
		'es-CO' => 'Español (Colombia)',
		'es-CL' => 'Español (Chile)',
		'es-PE' => 'Español (Perú)',
		'es-UY' => 'Español (Uruguay)',
		'pt-BR' => 'Português (Brasil)',
		'en'    => 'English',
	);
}

/**
 * Turns author input (shortcode or block) into tag attributes that authors may set.
 *
 * Keys are matched case-insensitively, with `_` read as `-` (`payer_email` works like
 * `payer-email`, as WordPress users often write shortcode attributes) and camelCase property names
 * (the block's attribute names) read as their attribute. A bare word such as `[mp_checkout disabled]`
 * arrives from shortcode_parse_atts() as a numeric key holding the word: it means "true".
 * Unknown names and the settings-only attributes are dropped.
 *
 * @param array $input Raw attributes.
 * @return array<string, mixed> Attribute name => value, only author-settable §6 attributes.
 */
function mp_checkout_author_attributes( $input ) {
	$schema      = mp_checkout_attribute_schema();
	$by_property = array();
	foreach ( $schema as $name => $spec ) {
		$by_property[ strtolower( $spec['property'] ) ] = $name;
	}

	$attributes = array();
	foreach ( (array) $input as $key => $value ) {
		if ( is_int( $key ) ) {
			if ( ! is_string( $value ) ) {
				continue;
			}
			$key   = $value;
			$value = true;
		}
		$key  = strtolower( (string) $key );
		$name = isset( $by_property[ $key ] ) ? $by_property[ $key ] : str_replace( '_', '-', $key );
		if ( ! isset( $schema[ $name ] ) || ! empty( $schema[ $name ]['from_settings'] ) ) {
			continue;
		}
		$attributes[ $name ] = $value;
	}
	return $attributes;
}
