<?php
/**
 * [mp_checkout] through the_content, with the content filters WordPress itself registers.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

/**
 * Post content as a visitor gets it.
 *
 * @param string $content Post content.
 * @return string HTML.
 */
function mp_test_the_content( $content ) {
	mp_test_add_content_filters();
	return trim( apply_filters( 'the_content', $content ) );
}

test(
	'the shortcode is registered and keeps wptexturize away from its content',
	static function () {
		assert_true( shortcode_exists( 'mp_checkout' ), 'shortcode registered' );
		assert_true( in_array( 'mp_checkout', apply_filters( 'no_texturize_shortcodes', array() ), true ), 'no_texturize_shortcodes' );
	}
);

test(
	'a shortcode alone in a paragraph becomes the bare tag, with attributes by their element names',
	static function () {
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'public_key' => 'TEST-abc',
				'action'     => '/pay',
			)
		);
		$html = mp_test_the_content( "Pay here:\n\n[mp_checkout amount=\"1500.50\" payer-email=\"ana@example.com\" statement-descriptor='MATE \"SHOP\"' max-installments=6]\n\nThanks." );
		assert_same( "<p>Pay here:</p>\n<mp-checkout public-key=\"TEST-abc\" amount=\"1500.50\" action=\"/pay\" payer-email=\"ana@example.com\" statement-descriptor=\"MATE &quot;SHOP&quot;\" max-installments=\"6\"></mp-checkout>\n<p>Thanks.</p>", $html, 'content' );
	}
);

test(
	'snake_case and camelCase names work like the element\'s names; a bare word is a boolean',
	static function () {
		$element = mp_test_single_checkout( mp_test_the_content( '[mp_checkout amount="5" payer_email="a@b.c" payerFirstName="Ana" EXTERNAL_REFERENCE="o-1" disabled]' ) );
		assert_same(
			array(
				'amount'             => '5',
				'payer-email'        => 'a@b.c',
				'payer-first-name'   => 'Ana',
				'external-reference' => 'o-1',
				'disabled'           => 'disabled',
			),
			mp_test_attributes( $element ),
			'attributes'
		);
		assert_same( '<mp-checkout amount="5"></mp-checkout>', mp_test_the_content( '[mp_checkout amount="5" disabled="false"]' ), 'disabled="false"' );
	}
);

test(
	'hostile shortcode attributes in post content: one tag, no script, no handler, the merchant\'s key',
	static function () {
		mp_test_set_option( 'mp_checkout_settings', array( 'public_key' => 'APP_USR-merchant' ) );
		// WordPress itself mangles attribute values holding < or > in post content (wptexturize
		// sees the tags), and documents that shortcode attributes must not hold them: what matters
		// here is that nothing gets out of the tag.
		$content = '[mp_checkout amount=\'"><script>alert(1)</script>\' description="x\' onmouseover=\'alert(1)" onclick="alert(1)" style="display:none" public-key="APP_USR-attacker" action="https://attacker.example/" success-url="javascript:alert(1)"]';
		$element = mp_test_single_checkout( mp_test_the_content( $content ) );
		$found   = mp_test_attributes( $element );
		assert_same( 'APP_USR-merchant', $found['public-key'], 'public key' );
		assert_same( array(), array_diff( array_keys( $found ), array( 'public-key', 'amount', 'description' ) ), 'attributes besides the allowed ones' );
	}
);

test(
	'hostile shortcode attributes through do_shortcode() come back exactly, each in its attribute',
	static function () {
		$element = mp_test_single_checkout( do_shortcode( '[mp_checkout amount=\'"><script>alert(1)</script>\' description="x\' onmouseover=\'alert(1)" payer-last-name="O\'Brien &amp; Sons"]' ) );
		assert_same(
			array(
				'amount'          => '"><script>alert(1)</script>',
				'payer-last-name' => "O'Brien & Sons",
				'description'     => "x' onmouseover='alert(1)",
			),
			mp_test_attributes( $element ),
			'attributes'
		);
	}
);

test(
	'items as enclosed JSON survive wpautop line breaks and wptexturize, and reach the element as the same data',
	static function () {
		$content = "[mp_checkout amount=\"3001\"]\n[\n  {\"id\": \"mate\", \"title\": \"Mate \\\"imperial\\\" -- </script>\", \"quantity\": 2, \"unit_price\": 1500.5},\n  {\"id\": \"yerba\", \"title\": \"Yerba 'Cruz'...\", \"quantity\": 1, \"unit_price\": 0}\n]\n[/mp_checkout]";
		$element = mp_test_single_checkout( mp_test_the_content( $content ) );
		assert_same(
			array(
				array(
					'id'         => 'mate',
					'title'      => 'Mate "imperial" -- </script>',
					'quantity'   => 2,
					'unit_price' => 1500.5,
				),
				array(
					'id'         => 'yerba',
					'title'      => "Yerba 'Cruz'...",
					'quantity'   => 1,
					'unit_price' => 0,
				),
			),
			json_decode( $element->getAttribute( 'items' ), true ),
			'items'
		);
	}
);

test(
	'enclosed content that is not a JSON array reaches the element unchanged, for its invalid_items report',
	static function () {
		$element = mp_test_single_checkout( mp_test_the_content( '[mp_checkout amount="1"]{"id":"not an array"}[/mp_checkout]' ) );
		assert_same( '{"id":"not an array"}', $element->getAttribute( 'items' ), 'items' );
	}
);

test(
	'two shortcodes give two independent tags',
	static function () {
		$body  = mp_test_parse_html( mp_test_the_content( "[mp_checkout amount=\"1\"]\n\n[mp_checkout amount=\"2\" site=\"MLB\"]" ) );
		$found = array();
		foreach ( $body->getElementsByTagName( 'mp-checkout' ) as $element ) {
			$found[] = mp_test_attributes( $element );
		}
		assert_same(
			array(
				array( 'amount' => '1' ),
				array(
					'amount' => '2',
					'site'   => 'MLB',
				),
			),
			$found,
			'tags'
		);
	}
);

test(
	'an escaped [[mp_checkout]] prints the shortcode as text',
	static function () {
		assert_same( '<p>[mp_checkout amount="1"]</p>', mp_test_the_content( '[[mp_checkout amount="1"]]' ), 'content' );
	}
);
