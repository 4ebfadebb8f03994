<?php
/**
 * Rendering the <mp-checkout> tag: one function used by the shortcode, the block and theme code.
 *
 * @package MpCheckout
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The tag's attributes for one checkout: settings first, then what the author gave.
 *
 * `public-key`, `action` and `status-action` always come from the settings (see
 * mp_checkout_attribute_schema()). `site` and `locale` come from the settings unless the author set
 * them for this checkout.
 *
 * @param array $author_input Shortcode or block attributes.
 * @return array<string, mixed> Attribute name => value, before escaping.
 */
function mp_checkout_tag_attributes( $author_input ) {
	$settings   = mp_checkout_get_settings();
	$attributes = array(
		'public-key'    => $settings['public_key'],
		'action'        => $settings['action'],
		'status-action' => $settings['status_action'],
		'site'          => $settings['site'],
		'locale'        => $settings['locale'],
	);
	foreach ( mp_checkout_author_attributes( $author_input ) as $name => $value ) {
		// An empty author value means "not set here", so the settings' site and locale still apply.
		if ( '' !== $value && null !== $value ) {
			$attributes[ $name ] = $value;
		}
	}

	/**
	 * Filters the attributes of one <mp-checkout> tag before they are escaped.
	 *
	 * For site code (a theme, an order plugin) that knows more than an author: the order's amount,
	 * `external-reference`, `items` (an array is fine), the payer's e-mail. Trusted code may set any
	 * PRODUCT.md §6 attribute, including `public-key` and `action`; names outside §6 are still dropped.
	 *
	 * @param array $attributes   Attribute name => value.
	 * @param array $author_input The raw shortcode or block attributes.
	 */
	$filtered = apply_filters( 'mp_checkout_tag_attributes', $attributes, $author_input );
	return is_array( $filtered ) ? array_intersect_key( $filtered, mp_checkout_attribute_schema() ) : $attributes;
}

/**
 * Writes one attribute value, or returns null when the attribute must be left out.
 *
 * @param string $kind  Kind from mp_checkout_attribute_schema().
 * @param mixed  $value Value.
 * @return string|null Escaped value ('' for a bare boolean attribute), or null to omit.
 */
function mp_checkout_escape_attribute_value( $kind, $value ) {
	if ( 'bool' === $kind ) {
		return mp_checkout_is_true( $value ) ? '' : null;
	}
	if ( 'json' === $kind ) {
		$json = mp_checkout_json_attribute( $value );
		return '' === $json ? null : esc_attr( $json );
	}
	if ( is_float( $value ) ) {
		// %F ignores the server locale (PHP 7's (string) 1.5 can give "1,5").
		$value = rtrim( rtrim( sprintf( '%.10F', $value ), '0' ), '.' );
	}
	if ( ! is_scalar( $value ) || is_bool( $value ) ) {
		return null;
	}
	$escaped = 'url' === $kind ? esc_url( (string) $value ) : esc_attr( (string) $value );
	// esc_url() gives '' for a refused scheme (`javascript:`), esc_attr() for invalid UTF-8: an empty
	// attribute would read as "set but invalid", so leave it out.
	return '' === $escaped ? null : $escaped;
}

/**
 * Reads a boolean attribute from a shortcode, block or filter: true, 1, "1", "true", "yes", "on" and
 * the bare word (`[mp_checkout disabled]`, stored as "disabled") mean yes; anything else means no, so
 * `disabled="false"` does not disable the form.
 *
 * @param mixed $value Value.
 * @return bool
 */
function mp_checkout_is_true( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	if ( is_int( $value ) ) {
		return 0 !== $value;
	}
	return is_string( $value ) && in_array( strtolower( trim( $value ) ), array( '1', 'true', 'yes', 'on', 'disabled' ), true );
}

/**
 * The `items` attribute as JSON text.
 *
 * An array is encoded with wp_json_encode(). Text is decoded first: a JSON array is re-encoded the
 * same way; anything else is passed on unchanged, so the element reports `invalid_items` (console,
 * audit(), and a refusal in production) instead of the plugin hiding the merchant's mistake.
 *
 * The JSON_HEX_* flags write `<`, `>`, `&`, `'` and `"` inside strings as \u escapes. That matters
 * for `&`: esc_attr() does not re-encode what looks like an entity, so a title holding "&amp;" would
 * reach the element as "&". With no `&` left in the JSON, esc_attr() only has the structural quotes
 * to encode, and the element reads back exactly the data that was encoded.
 *
 * @param mixed $value Array or JSON text.
 * @return string JSON text, or '' when there is nothing to send.
 */
function mp_checkout_json_attribute( $value ) {
	if ( is_string( $value ) ) {
		$text = trim( $value );
		if ( '' === $text ) {
			return '';
		}
		// Objects decode to stdClass, so only a JSON array gives a PHP array here, and `{}` inside
		// an item stays an object when it is encoded again.
		$decoded = json_decode( $text );
		if ( ! is_array( $decoded ) ) {
			return $text;
		}
		$value = $decoded;
	}
	if ( ! is_array( $value ) ) {
		return '';
	}
	$json = wp_json_encode( array_values( $value ), JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	return is_string( $json ) ? $json : '';
}

/**
 * The terms link slotted into the element (requirement R9), from the page chosen in the settings.
 *
 * @return string HTML, or '' when no published page is set.
 */
function mp_checkout_terms_link() {
	$settings = mp_checkout_get_settings();
	$page_id  = (int) $settings['terms_page'];
	if ( $page_id <= 0 || 'publish' !== get_post_status( $page_id ) ) {
		return '';
	}
	$url   = get_permalink( $page_id );
	$title = wp_strip_all_tags( get_the_title( $page_id ) );
	if ( ! $url ) {
		return '';
	}
	if ( '' === trim( $title ) ) {
		$title = __( 'Terms and conditions', 'mp-checkout' );
	}
	// A new tab, so reading the terms never loses what the buyer typed in the checkout.
	return sprintf(
		'<a slot="terms" href="%1$s" target="_blank" rel="noopener">%2$s</a>',
		esc_url( $url ),
		esc_html( $title )
	);
}

/**
 * The <mp-checkout> tag for one checkout, with every attribute escaped, and the element's script
 * enqueued for the page.
 *
 * Theme and plugin code can call this directly: `echo mp_checkout_render( array( 'amount' => '1500.50' ) );`
 *
 * @param array $author_input Attributes as a shortcode or block gives them (see mp_checkout_author_attributes()).
 * @return string HTML.
 */
function mp_checkout_render( $author_input = array() ) {
	$schema     = mp_checkout_attribute_schema();
	$attributes = mp_checkout_tag_attributes( $author_input );

	$html = '';
	// In §6 order, whatever order the input had, so the markup is stable.
	foreach ( $schema as $name => $spec ) {
		if ( ! array_key_exists( $name, $attributes ) ) {
			continue;
		}
		$escaped = mp_checkout_escape_attribute_value( $spec['kind'], $attributes[ $name ] );
		if ( null === $escaped ) {
			continue;
		}
		$html .= 'bool' === $spec['kind'] ? ' ' . $name : sprintf( ' %s="%s"', $name, $escaped );
	}

	mp_checkout_enqueue_element();

	return '<mp-checkout' . $html . '>' . mp_checkout_terms_link() . '</mp-checkout>';
}
