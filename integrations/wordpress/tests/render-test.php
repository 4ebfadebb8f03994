<?php
/**
 * mp_checkout_render(): every attribute escaped, the markup parsed back with PHP's DOM, values
 * compared byte for byte.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

/** Hostile and awkward text values; each must come back exactly, inside one attribute. */
function mp_test_hostile_strings() {
	return array(
		'double quote'         => 'say "hi"',
		'single quote'         => "it's",
		'script tag'           => '<script>alert(1)</script>',
		'attribute breakout'   => '" onmouseover="alert(1)',
		'single breakout'      => "' onmouseover='alert(1)' x='",
		'unquoted breakout'    => 'x onmouseover=alert(1)',
		'closing the element'  => '"></mp-checkout><script>alert(document.cookie)</script><mp-checkout x="',
		'javascript: as text'  => 'javascript:alert(1)',
		'backticks'            => '`${alert(1)}`',
		'unicode'              => 'Añadí un mate 🧉 — ñandú, 中文, العربية, Ελληνικά',
		'bidi and zero-width'  => "abc\u{202E}fed\u{200B}\u{200D}x",
		'newlines and tabs'    => "line 1\nline 2\tend",
		'lone ampersand'       => 'Tom & Jerry & co',
		'percent-encoded'      => '%22%3E%3Cscript%3E',
		'template braces'      => '{{constructor.constructor("alert(1)")()}}',
		'huge'                 => str_repeat( 'A"<>&\'é', 150000 ),
	);
}

/** The text attributes an author may set. */
function mp_test_text_attributes() {
	return array( 'amount', 'locale', 'site', 'payer-email', 'payer-first-name', 'payer-last-name', 'description', 'statement-descriptor', 'external-reference', 'min-installments', 'max-installments', 'idempotency-key', 'request-timeout', 'sdk-timeout' );
}

test(
	'every hostile text value round-trips exactly in every text attribute, as one attribute',
	static function () {
		foreach ( mp_test_text_attributes() as $name ) {
			foreach ( mp_test_hostile_strings() as $label => $value ) {
				$element = mp_test_single_checkout( mp_checkout_render( array( $name => $value ) ) );
				assert_same( array( $name => $value ), mp_test_attributes( $element ), "$name, $label" );
			}
		}
	}
);

test(
	'the escaped markup holds no raw quote, < or > inside attribute values',
	static function () {
		$html = mp_checkout_render( array( 'description' => '"><script>x</script>', 'payer-first-name' => "' onload='x" ) );
		assert_same( '<mp-checkout payer-first-name="&#039; onload=&#039;x" description="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"></mp-checkout>', $html, 'markup' );
	}
);

test(
	'text that already holds an entity is not encoded twice (esc_attr), so the element gets the character',
	static function () {
		// WordPress's esc_attr() keeps valid entities: post content stores "&" as "&amp;", and a
		// shortcode attribute copied from it must not show "&amp;" to the buyer.
		$element = mp_test_single_checkout( mp_checkout_render( array( 'description' => 'Tom &amp; Jerry &quot; onmouseover=x' ) ) );
		assert_same( array( 'description' => 'Tom & Jerry " onmouseover=x' ), mp_test_attributes( $element ), 'decoded once, still one attribute' );
	}
);

test(
	'invalid UTF-8 leaves the attribute out instead of writing broken bytes',
	static function () {
		$element = mp_test_single_checkout( mp_checkout_render( array( 'description' => "caf\xC3", 'amount' => '10' ) ) );
		assert_same( array( 'amount' => '10' ), mp_test_attributes( $element ), 'attributes' );
	}
);

test(
	'URL attribute: javascript:, data:, vbscript: and disguised schemes are dropped',
	static function () {
		$refused = array( 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', "java\tscript:alert(1)", 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)' );
		foreach ( $refused as $url ) {
			$element = mp_test_single_checkout( mp_checkout_render( array( 'success-url' => $url, 'amount' => '1' ) ) );
			assert_same( array( 'amount' => '1' ), mp_test_attributes( $element ), $url );
		}
	}
);

test(
	'URL attribute: http(s) URLs and paths survive, with & and non-ASCII intact; quotes and spaces do not break out',
	static function () {
		$cases = array(
			'https://shop.example/thanks?order=12&status=ok#top' => 'https://shop.example/thanks?order=12&status=ok#top',
			'/gracias?pedido=12&x=ñ'                            => '/gracias?pedido=12&x=ñ',
			'https://shop.example/a b'                          => 'https://shop.example/a%20b',
			'https://shop.example/"onmouseover="alert(1)'       => 'https://shop.example/onmouseover=alert(1)',
			"https://shop.example/'><script>"                   => "https://shop.example/'script",
		);
		foreach ( $cases as $given => $expected ) {
			$element = mp_test_single_checkout( mp_checkout_render( array( 'success-url' => $given ) ) );
			assert_same( array( 'success-url' => $expected ), mp_test_attributes( $element ), $given );
		}
	}
);

test(
	'items: an array is JSON that the element reads back as the same data, </script> and &amp; included',
	static function () {
		$items   = array(
			array(
				'id'          => 'mate-1',
				'title'       => '</script><script>alert(1)</script> "Mate" & \'bombilla\' &amp; more',
				'description' => "ñandú 🧉 \u{2028} line",
				'quantity'    => 2,
				'unit_price'  => 1500.5,
			),
			array(
				'id'         => 'x',
				'title'      => '" onmouseover="alert(1)',
				'quantity'   => 1,
				'unit_price' => 10,
			),
		);
		$html    = mp_checkout_render( array( 'items' => $items ) );
		$element = mp_test_single_checkout( $html );
		assert_same( array( 'items' ), array_keys( mp_test_attributes( $element ) ), 'attributes' );
		assert_same( $items, json_decode( $element->getAttribute( 'items' ), true ), 'decoded items' );
		assert_not_contains( '</script', $html, 'raw markup' );
		assert_not_contains( '&amp;amp;', $html, 'raw markup' );
	}
);

test(
	'items: JSON text that is an array is re-encoded; anything else goes through unchanged for the element to report',
	static function () {
		$element = mp_test_single_checkout( mp_checkout_render( array( 'items' => ' [{"id":"a","title":"<b>&amp;</b>","extra":{},"tags":[]}] ' ) ) );
		assert_same( '[{"id":"a","title":"\u003Cb\u003E\u0026amp;\u003C/b\u003E","extra":{},"tags":[]}]', $element->getAttribute( 'items' ), 'array, {} kept an object' );

		foreach ( array( '{"id":"a"}', '[{"id":', 'not json "><script>', '{"0":{"id":"a"}}' ) as $text ) {
			$element = mp_test_single_checkout( mp_checkout_render( array( 'items' => $text ) ) );
			assert_same( array( 'items' => $text ), mp_test_attributes( $element ), $text );
		}
		$element = mp_test_single_checkout( mp_checkout_render( array( 'items' => '   ' ) ) );
		assert_same( array(), mp_test_attributes( $element ), 'blank items' );
	}
);

test(
	'disabled is a boolean attribute: present and empty when true, absent when false',
	static function () {
		foreach ( array( true, 1, '1', 'true', 'TRUE', 'yes', 'on', 'disabled' ) as $value ) {
			$html = mp_checkout_render( array( 'disabled' => $value ) );
			assert_same( '<mp-checkout disabled></mp-checkout>', $html, mp_test_show( $value ) );
			// Only presence counts for a boolean attribute (libxml reads the bare one as "disabled",
			// HTML5 as "").
			assert_same( array( 'disabled' ), array_keys( mp_test_attributes( mp_test_single_checkout( $html ) ) ), mp_test_show( $value ) );
		}
		foreach ( array( false, 0, '0', 'false', 'no', 'off', '', 'disabled="x" onclick="y"' ) as $value ) {
			assert_same( '<mp-checkout></mp-checkout>', mp_checkout_render( array( 'disabled' => $value ) ), mp_test_show( $value ) );
		}
	}
);

test(
	'attributes outside PRODUCT.md §6 are dropped: event handlers, style, class, slot, id, property-only names',
	static function () {
		$html = mp_checkout_render(
			array(
				'amount'      => '10',
				'onclick'     => 'alert(1)',
				'onmouseover' => 'alert(1)',
				'style'       => 'display:none',
				'class'       => 'x',
				'slot'        => 'terms',
				'id'          => 'x',
				'is'          => 'x',
				'messages'    => '{"ui.pay":"x"}',
				'headers'     => 'x',
				'payer'       => 'x',
				'data-x'      => 'x',
				'"><script>'  => 'x',
				'amount"'     => 'x',
			)
		);
		assert_same( '<mp-checkout amount="10"></mp-checkout>', $html, 'markup' );
	}
);

test(
	'every attribute of PRODUCT.md §6 can be written, in the table\'s order',
	static function () {
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'public_key'    => 'TEST-abc',
				'action'        => '/pay',
				'status_action' => '/status',
			)
		);
		$input = array();
		foreach ( array_reverse( mp_test_text_attributes() ) as $name ) {
			$input[ $name ] = "v-$name";
		}
		$input['items']       = array( array( 'id' => 'a' ) );
		$input['success-url'] = '/ok';
		$input['disabled']    = true;
		$element              = mp_test_single_checkout( mp_checkout_render( $input ) );
		assert_same(
			array( 'public-key', 'amount', 'action', 'status-action', 'locale', 'site', 'payer-email', 'payer-first-name', 'payer-last-name', 'items', 'description', 'statement-descriptor', 'external-reference', 'min-installments', 'max-installments', 'success-url', 'disabled', 'idempotency-key', 'request-timeout', 'sdk-timeout' ),
			array_keys( mp_test_attributes( $element ) ),
			'attribute names'
		);
		assert_same( array_keys( mp_checkout_attribute_schema() ), array_keys( mp_test_attributes( $element ) ), 'schema order' );
	}
);

test(
	'the schema is exactly PRODUCT.md §6: the attribute column of its table, nothing more',
	static function () {
		// shared/ sits beside the repository (developers' worktrees and CI's clone alike).
		$spec = dirname( __DIR__, 4 ) . '/shared/spec/PRODUCT.md';
		assert_true( is_file( $spec ), "$spec exists" );
		$text = file_get_contents( $spec );
		preg_match( '/^## 6\. Public API.*?(?=^## )/ms', $text, $section );
		$names = array();
		foreach ( preg_split( '/\R/', $section[0] ) as $line ) {
			if ( preg_match( '/^\|([^|]*)\|/', $line, $cell ) ) {
				preg_match_all( '/`([a-z][a-z-]*)`/', $cell[1], $found );
				$names = array_merge( $names, $found[1] );
			}
		}
		// The table writes the payer row as "`payer-email` …": the element's other payer attributes.
		$names = array_merge( $names, array( 'payer-first-name', 'payer-last-name' ) );
		sort( $names );
		$schema = array_keys( mp_checkout_attribute_schema() );
		sort( $schema );
		assert_same( $names, $schema, 'attribute names' );
	}
);

test(
	'public-key, action and status-action come from the settings; an author cannot set them',
	static function () {
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'public_key'    => 'APP_USR-merchant',
				'action'        => 'https://shop.example/pay',
				'status_action' => 'https://shop.example/status',
			)
		);
		$element = mp_test_single_checkout(
			mp_checkout_render(
				array(
					'public-key'    => 'APP_USR-attacker',
					'public_key'    => 'APP_USR-attacker',
					'publicKey'     => 'APP_USR-attacker',
					'action'        => 'https://attacker.example/steal',
					'status-action' => 'https://attacker.example/status',
					'amount'        => '5',
				)
			)
		);
		assert_same(
			array(
				'public-key'    => 'APP_USR-merchant',
				'amount'        => '5',
				'action'        => 'https://shop.example/pay',
				'status-action' => 'https://shop.example/status',
			),
			mp_test_attributes( $element ),
			'attributes'
		);
	}
);

test(
	'site and locale come from the settings unless the checkout sets its own; an empty value keeps the setting',
	static function () {
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'site'   => 'MLA',
				'locale' => 'es-AR',
			)
		);
		assert_same( '<mp-checkout locale="es-AR" site="MLA"></mp-checkout>', mp_checkout_render( array( 'site' => '' ) ), 'defaults' );
		assert_same( '<mp-checkout locale="pt-BR" site="MLB"></mp-checkout>', mp_checkout_render( array( 'site' => 'MLB', 'locale' => 'pt-BR' ) ), 'overrides' );
	}
);

test(
	'the mp_checkout_tag_attributes filter may set any §6 attribute, never another; a broken filter changes nothing',
	static function () {
		add_filter(
			'mp_checkout_tag_attributes',
			static function ( $attributes, $input ) {
				$attributes['public-key']         = 'APP_USR-from-code';
				$attributes['amount']             = 1500.5;
				$attributes['external-reference'] = 'order-' . $input['order'];
				$attributes['onclick']            = 'alert(1)';
				return $attributes;
			},
			10,
			2
		);
		$html = mp_checkout_render( array( 'order' => 42 ) );
		assert_same( '<mp-checkout public-key="APP_USR-from-code" amount="1500.5" external-reference="order-42"></mp-checkout>', $html, 'markup' );

		remove_all_filters( 'mp_checkout_tag_attributes' );
		add_filter( 'mp_checkout_tag_attributes', '__return_null' );
		assert_same( '<mp-checkout amount="3"></mp-checkout>', mp_checkout_render( array( 'amount' => '3' ) ), 'null from a filter' );
	}
);

test(
	'values that are not text (arrays, objects, booleans) are left out of text attributes',
	static function () {
		$html = mp_checkout_render(
			array(
				'amount'      => array( '1' ),
				'description' => new stdClass(),
				'site'        => true,
				'locale'      => 'en',
			)
		);
		assert_same( '<mp-checkout locale="en"></mp-checkout>', $html, 'markup' );
	}
);

test(
	'the terms page is slotted as an escaped link; a draft or missing page is not',
	static function () {
		mp_test_add_page( 7, 'Términos & <condiciones> "v2"' );
		mp_test_set_option( 'mp_checkout_settings', array( 'terms_page' => 7 ) );
		$element = mp_test_single_checkout( mp_checkout_render( array( 'amount' => '1' ) ) );
		$link    = $element->getElementsByTagName( 'a' )->item( 0 );
		assert_same(
			array(
				'slot'   => 'terms',
				'href'   => 'https://shop.example/?page_id=7',
				'target' => '_blank',
				'rel'    => 'noopener',
			),
			mp_test_attributes( $link ),
			'link attributes'
		);
		assert_same( 'Términos &  "v2"', $link->textContent, 'link text (tags stripped, the rest escaped)' );

		mp_test_add_page( 8, 'Draft terms', 'draft' );
		mp_test_set_option( 'mp_checkout_settings', array( 'terms_page' => 8 ) );
		assert_same( '<mp-checkout></mp-checkout>', mp_checkout_render(), 'draft page' );
		mp_test_set_option( 'mp_checkout_settings', array( 'terms_page' => 999 ) );
		assert_same( '<mp-checkout></mp-checkout>', mp_checkout_render(), 'missing page' );
	}
);
