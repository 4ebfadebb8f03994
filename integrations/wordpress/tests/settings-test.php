<?php
/**
 * Settings: sanitizing through WordPress's sanitize_option() (what options.php runs on save), and
 * the settings page as an administrator and as an author.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

/** A complete, valid submission. */
function mp_test_valid_input() {
	return array(
		'public_key'    => 'TEST-3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f',
		'action'        => 'https://shop.example/wp-json/shop/v1/pay',
		'status_action' => '/wp-json/shop/v1/status',
		'site'          => 'MLA',
		'locale'        => 'es-AR',
		'terms_page'    => '12',
		'script_url'    => 'https://cdn.example/mp-checkout@0.1.0/dist/mp-checkout.js',
	);
}

/** The codes of the settings errors added so far. */
function mp_test_error_codes() {
	return array_column( get_settings_errors( 'mp_checkout_settings' ), 'code' );
}

/**
 * Saves like options.php: sanitize_option() with the registered callback, then stores the result.
 *
 * @param array $input Submitted values.
 * @return array Stored values.
 */
function mp_test_save( $input ) {
	$stored = sanitize_option( 'mp_checkout_settings', $input );
	mp_test_set_option( 'mp_checkout_settings', $stored );
	return $stored;
}

test(
	'the option is registered with the Settings API: group, sanitize callback, empty default',
	static function () {
		$registered = get_registered_settings()['mp_checkout_settings'];
		assert_same( 'mp_checkout', $registered['group'], 'group' );
		assert_same( 'mp_checkout_sanitize_settings', $registered['sanitize_callback'], 'sanitize callback' );
		assert_same( false, $registered['show_in_rest'], 'kept out of the REST API' );
		assert_same( mp_checkout_default_settings(), get_option( 'mp_checkout_settings' ), 'default' );
		foreach ( get_option( 'mp_checkout_settings' ) as $key => $value ) {
			assert_true( '' === $value || 0 === $value, "$key is empty by default" );
		}
	}
);

test(
	'a valid submission is stored as given (the page id as a number)',
	static function () {
		$expected               = mp_test_valid_input();
		$expected['terms_page'] = 12;
		assert_same( $expected, mp_test_save( mp_test_valid_input() ), 'stored' );
		assert_same( array(), mp_test_error_codes(), 'errors' );
	}
);

test(
	'public keys: only APP_USR-… and TEST-… are accepted; a bad one keeps the previous key and says why',
	static function () {
		mp_test_save( mp_test_valid_input() );
		$bad = array( 'pk_live_123', 'APP_USR', 'APP_USR-', 'TEST-', 'app_usr-abc', 'APP_USR-abc def', "APP_USR-abc\nx", 'APP_USR-abc"><script>', 'TEST-abc;DROP', ' ', 'APP_USR-ñandú' );
		foreach ( $bad as $key ) {
			$GLOBALS['wp_settings_errors'] = array();
			$input                         = mp_test_valid_input();
			$input['public_key']           = $key;
			$stored                        = sanitize_option( 'mp_checkout_settings', $input );
			if ( '' === trim( $key ) ) {
				assert_same( '', $stored['public_key'], 'blank clears the key' );
				continue;
			}
			assert_same( mp_test_valid_input()['public_key'], $stored['public_key'], var_export( $key, true ) . ' keeps the previous key' );
			assert_same( array( 'invalid_public_key' ), mp_test_error_codes(), var_export( $key, true ) . ' error' );
		}
		// Surrounding whitespace (a pasted line break) is trimmed, not refused.
		foreach ( array( 'APP_USR-3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f', 'TEST-a_b-C', "  TEST-trimmed \n" ) as $key ) {
			$input               = mp_test_valid_input();
			$input['public_key'] = $key;
			assert_same( trim( $key ), sanitize_option( 'mp_checkout_settings', $input )['public_key'], $key );
		}
	}
);

test(
	'an access token pasted as the public key is refused, so the secret never reaches a page',
	static function () {
		mp_test_save( mp_test_valid_input() );
		foreach ( array( 'APP_USR-2196045847014423-110613-e4f4a0fb45c80b33bea4d0cd51d45ac0-1234567', 'TEST-2196045847014423-110613-E4F4A0FB45C80B33BEA4D0CD51D45AC0-1234567' ) as $token ) {
			$GLOBALS['wp_settings_errors'] = array();
			$input                         = mp_test_valid_input();
			$input['public_key']           = $token;
			assert_same( mp_test_valid_input()['public_key'], sanitize_option( 'mp_checkout_settings', $input )['public_key'], 'previous key kept' );
			assert_same( array( 'access_token_as_public_key' ), mp_test_error_codes(), 'error' );
		}
	}
);

test(
	'endpoint URLs: http(s) and site paths are accepted; other schemes, //host, spaces and junk are refused',
	static function () {
		mp_test_save( mp_test_valid_input() );
		$bad = array( 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/plain,x', 'ftp://shop.example/pay', '//attacker.example/pay', '/\\attacker.example', 'https://', 'https:///pay', 'shop.example/pay', 'pay', 'https://shop.example/pay now', "https://shop.example/pay\nx", "https://shop.example/p\tay", 'https://shop.example/"><script>', 'https://shop.example/a%0d%0aSet-Cookie:x', 'https://shop.example/{x}' );
		foreach ( array( 'action', 'status_action', 'script_url' ) as $field ) {
			foreach ( $bad as $url ) {
				$GLOBALS['wp_settings_errors'] = array();
				$input                         = mp_test_valid_input();
				$input[ $field ]               = $url;
				$stored                        = sanitize_option( 'mp_checkout_settings', $input );
				assert_same( mp_test_valid_input()[ $field ], $stored[ $field ], "$field " . var_export( $url, true ) . ' keeps the previous value' );
				assert_same( array( 'invalid_' . $field ), mp_test_error_codes(), "$field " . var_export( $url, true ) . ' error' );
			}
			$good = array(
				'https://shop.example/pay?x=1&y=2' => 'https://shop.example/pay?x=1&y=2',
				'HTTP://localhost:8080/pay'        => 'http://localhost:8080/pay',
				'/wp-json/shop/v1/pay'             => '/wp-json/shop/v1/pay',
				"  https://shop.example/p \n"      => 'https://shop.example/p',
				''                                 => '',
			);
			foreach ( $good as $url => $expected ) {
				$input           = mp_test_valid_input();
				$input[ $field ] = $url;
				assert_same( $expected, sanitize_option( 'mp_checkout_settings', $input )[ $field ], "$field $url" );
			}
		}
	}
);

test(
	'the script URL may not point at MercadoPago.js: the element loads it from Mercado Pago itself',
	static function () {
		mp_test_save( mp_test_valid_input() );
		foreach ( array( 'https://sdk.mercadopago.com/js/v2', 'https://SDK.MercadoPago.com./js/v2' ) as $url ) {
			$GLOBALS['wp_settings_errors'] = array();
			$input                         = mp_test_valid_input();
			$input['script_url']           = $url;
			assert_same( mp_test_valid_input()['script_url'], sanitize_option( 'mp_checkout_settings', $input )['script_url'], $url );
			assert_same( array( 'script_url_is_sdk' ), mp_test_error_codes(), $url );
		}
	}
);

test(
	'site and language: only known values; the page id is a non-negative integer',
	static function () {
		mp_test_save( mp_test_valid_input() );
		$input           = mp_test_valid_input();
		$input['site']   = 'MLX';
		$input['locale'] = 'xx-YY';
		$stored          = sanitize_option( 'mp_checkout_settings', $input );
		assert_same( array( 'MLA', 'es-AR' ), array( $stored['site'], $stored['locale'] ), 'previous values kept' );
		assert_same( array( 'invalid_site', 'invalid_locale' ), mp_test_error_codes(), 'errors' );

		$input['site']   = 'mlb';
		$input['locale'] = '';
		$stored          = sanitize_option( 'mp_checkout_settings', $input );
		assert_same( array( 'MLB', '' ), array( $stored['site'], $stored['locale'] ), 'case-insensitive site, empty language' );

		foreach ( array( '-5' => 5, 'abc' => 0, '7"><x' => 7, '' => 0 ) as $given => $expected ) {
			$input['terms_page'] = (string) $given;
			assert_same( $expected, sanitize_option( 'mp_checkout_settings', $input )['terms_page'], "terms page $given" );
		}
	}
);

test(
	'junk submissions (not an array, missing fields, arrays in fields, unknown keys) store only known, clean values',
	static function () {
		mp_test_save( mp_test_valid_input() );
		$stored = sanitize_option( 'mp_checkout_settings', 'not an array' );
		assert_same( array_keys( mp_checkout_default_settings() ), array_keys( $stored ), 'keys' );
		$stored = sanitize_option(
			'mp_checkout_settings',
			array(
				'public_key' => array( 'TEST-x' ),
				'evil'       => 'x',
			)
		);
		assert_same( array_keys( mp_checkout_default_settings() ), array_keys( $stored ), 'no unknown key stored' );
		assert_same( '', $stored['public_key'], 'an array is no key' );
	}
);

test(
	'each error is reported once, though WordPress sanitizes twice when it first creates the option',
	static function () {
		$input               = mp_test_valid_input();
		$input['public_key'] = 'bad';
		sanitize_option( 'mp_checkout_settings', $input );
		sanitize_option( 'mp_checkout_settings', $input );
		assert_same( array( 'invalid_public_key' ), mp_test_error_codes(), 'errors' );
	}
);

/**
 * Registers the admin page as WordPress does on admin_menu, and prints it.
 *
 * @return string The page's HTML.
 */
function mp_test_settings_page() {
	$GLOBALS['submenu']          = array();
	$GLOBALS['_wp_submenu_nopriv'] = array();
	$GLOBALS['admin_page_hooks'] = array();
	$GLOBALS['_registered_pages'] = array();
	$GLOBALS['_parent_pages']    = array();
	$GLOBALS['menu']             = array();
	do_action( 'admin_menu' );
	$GLOBALS['plugin_page'] = 'mp-checkout';
	$GLOBALS['pagenow']     = 'options-general.php';
	$GLOBALS['title']       = get_admin_page_title();
	ob_start();
	mp_checkout_render_settings_page();
	return ob_get_clean();
}

test(
	'the page is added under Settings for manage_options only',
	static function () {
		mp_test_log_in( 'administrator' );
		mp_test_settings_page();
		$entry = $GLOBALS['submenu']['options-general.php'][0];
		assert_same( array( 'Mercado Pago checkout', 'manage_options', 'mp-checkout' ), array_slice( $entry, 0, 3 ), 'submenu entry' );

		mp_test_log_in( 'author' );
		assert_same( '', mp_test_settings_page(), 'an author gets nothing' );
		assert_true( empty( $GLOBALS['submenu']['options-general.php'] ), 'no menu entry for an author' );
	}
);

test(
	'the form posts to options.php with the option group and a nonce for it, one field per setting',
	static function () {
		mp_test_log_in( 'administrator' );
		$body = mp_test_parse_html( mp_test_settings_page() );
		$form = $body->getElementsByTagName( 'form' )->item( 0 );
		assert_same( 'options.php', $form->getAttribute( 'action' ), 'action' );
		assert_same( 'post', $form->getAttribute( 'method' ), 'method' );
		$fields = array();
		foreach ( array( 'input', 'select' ) as $tag ) {
			foreach ( $form->getElementsByTagName( $tag ) as $control ) {
				$fields[ $control->getAttribute( 'name' ) ] = $control->getAttribute( 'value' );
			}
		}
		assert_same( 'mp_checkout', $fields['option_page'], 'option group' );
		assert_same( 'update', $fields['action'], 'options.php action' );
		assert_same( wp_create_nonce( 'mp_checkout-options' ), $fields['_wpnonce'], 'nonce for the group' );
		foreach ( array_keys( mp_checkout_default_settings() ) as $key ) {
			if ( 'terms_page' !== $key ) { // No published page exists, so there is no page select.
				assert_true( array_key_exists( "mp_checkout_settings[$key]", $fields ), "field $key" );
			}
		}
	}
);

test(
	'stored values are printed escaped and read back exactly; the terms select lists pages',
	static function () {
		mp_test_log_in( 'administrator' );
		// A value that could not pass the sanitizer, as if written to the database by other code.
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'public_key' => '"><script>alert(1)</script>',
				'site'       => 'MLB',
				'terms_page' => 12,
			)
		);
		mp_test_add_page( 12, 'Términos' );
		wp_cache_set( 'last_changed', '1', 'posts' );
		add_filter(
			'get_pages',
			static function () {
				return array( get_post( 12 ) );
			}
		);
		$html = mp_test_settings_page();
		remove_all_filters( 'get_pages' );
		$body = mp_test_parse_html( $html );
		assert_same( 0, $body->getElementsByTagName( 'script' )->length, 'no script element' );
		$xpath = new DOMXPath( $body->ownerDocument );
		assert_same( '"><script>alert(1)</script>', $xpath->query( '//input[@name="mp_checkout_settings[public_key]"]' )->item( 0 )->getAttribute( 'value' ), 'key field' );
		assert_same( 'MLB', $xpath->query( '//select[@name="mp_checkout_settings[site]"]/option[@selected]' )->item( 0 )->getAttribute( 'value' ), 'site' );
		assert_same( '12', $xpath->query( '//select[@name="mp_checkout_settings[terms_page]"]/option[@selected]' )->item( 0 )->getAttribute( 'value' ), 'terms page' );
	}
);

test(
	'the page shows the checklist, each status as a word',
	static function () {
		mp_test_log_in( 'administrator' );
		$body  = mp_test_parse_html( mp_test_settings_page() );
		$xpath = new DOMXPath( $body->ownerDocument );
		$rows  = $xpath->query( '//table[contains(@class,"mp-checkout-checklist")]/tbody/tr' );
		assert_same( count( mp_checkout_checklist() ), $rows->length, 'one row per checklist entry' );
		$words = array(
			'ok'      => 'OK',
			'warning' => 'Warning',
			'problem' => 'Problem',
			'unknown' => 'Unknown',
		);
		foreach ( $rows as $row ) {
			assert_same( $words[ $row->getAttribute( 'data-status' ) ], trim( $row->getElementsByTagName( 'td' )->item( 1 )->textContent ), 'status word' );
		}
		assert_contains( 'audit()', $body->textContent, 'points at the browser audit' );
	}
);
