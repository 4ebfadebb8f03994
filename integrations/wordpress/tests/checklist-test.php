<?php
/**
 * The R1–R9 checklist: each row follows from a fact, nothing is green by default, and what only
 * the browser can see is "unknown".
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

/**
 * The checklist as "id status title" lines, for comparing whole lists.
 *
 * @return string[]
 */
function mp_test_checklist_lines() {
	return array_map(
		static function ( $row ) {
			return $row['id'] . ' ' . $row['status'] . ' ' . $row['title'];
		},
		mp_checkout_checklist()
	);
}

/**
 * The rows titled $title.
 *
 * @param string $title Row title.
 * @return array[]
 */
function mp_test_rows( $title ) {
	return array_values(
		array_filter(
			mp_checkout_checklist(),
			static function ( $row ) use ( $title ) {
				return $row['title'] === $title;
			}
		)
	);
}

/**
 * The one row titled $title.
 *
 * @param string $title Row title.
 * @return array
 */
function mp_test_row( $title ) {
	$rows = mp_test_rows( $title );
	assert_same( 1, count( $rows ), "rows titled $title" );
	return $rows[0];
}

/** Configures a complete production site. */
function mp_test_configure_production() {
	mp_test_add_page( 12, 'Terms' );
	mp_test_set_option(
		'mp_checkout_settings',
		array(
			'public_key'    => 'APP_USR-3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f',
			'action'        => 'https://shop.example/pay',
			'status_action' => '/status',
			'site'          => 'MLB',
			'terms_page'    => 12,
			'script_url'    => 'https://cdn.example/mp-checkout.js',
		)
	);
}

test(
	'nothing is green by default: an unconfigured site on http has no ok row',
	static function () {
		mp_test_set_option( 'home', 'http://shop.example' );
		mp_test_set_option( 'siteurl', 'http://shop.example' );
		$statuses = array_column( mp_checkout_checklist(), 'status' );
		assert_same( array(), array_keys( $statuses, 'ok', true ), 'ok rows' );
		assert_true( count( array_keys( $statuses, 'problem', true ) ) >= 6, 'key, script, HTTPS, endpoint, status endpoint and terms are problems' );
	}
);

test(
	'a complete production configuration: every fact the server knows is ok, the rest unknown',
	static function () {
		mp_test_configure_production();
		assert_same(
			array(
				'setup ok Public key',
				'setup ok Element script',
				'R1 unknown MercadoPago.js from Mercado Pago',
				'R2 unknown No name attribute on card-form inputs',
				'R3 ok Site served over HTTPS',
				'R6 ok Payment endpoint',
				"R6 unknown The endpoint answers with Mercado Pago's status and status_detail",
				'R4 unknown Payer and item data sent',
				'R5 ok Status endpoint',
				'R5 unknown Webhooks received and their signature checked',
				'R7 unknown Promotions and financing costs shown',
				'R8 ok Argentina: transparent prices (Resolution E 51/2017)',
				'R9 ok Terms and conditions',
			),
			mp_test_checklist_lines(),
			'checklist'
		);
		foreach ( mp_checkout_checklist() as $row ) {
			if ( 'unknown' === $row['status'] && 'R5' !== $row['id'] ) {
				assert_contains( 'el.audit()', $row['detail'], $row['title'] . ' points at the browser audit' );
			}
		}
	}
);

test(
	'R3: HTTPS off (home or site address on http) is a problem',
	static function () {
		mp_test_configure_production();
		mp_test_set_option( 'home', 'http://shop.example' );
		// This admin request came over HTTPS (the bootstrap's default), which must not turn the
		// site's http address green.
		assert_true( is_ssl(), 'the admin request is HTTPS' );
		assert_same( 'problem', mp_test_row( 'Site served over HTTPS' )['status'], 'home on http' );
		mp_test_set_option( 'home', 'https://shop.example' );
		mp_test_set_option( 'siteurl', 'http://shop.example' );
		assert_same( 'problem', mp_test_row( 'Site served over HTTPS' )['status'], 'site address on http' );
		mp_test_set_option( 'siteurl', 'https://shop.example' );
		assert_same( 'ok', mp_test_row( 'Site served over HTTPS' )['status'], 'both https' );
	}
);

test(
	'public key: missing or malformed is a problem, TEST- a warning, APP_USR- ok',
	static function () {
		$cases = array(
			''                => 'problem',
			'pk_live_x'       => 'problem', // Stored by other code: the sanitizer would refuse it.
			'TEST-abc'        => 'warning',
			'APP_USR-abc'     => 'ok',
			"APP_USR-abc\n"   => 'problem',
		);
		foreach ( $cases as $key => $status ) {
			mp_test_set_option( 'mp_checkout_settings', array( 'public_key' => $key ) );
			assert_same( $status, mp_test_row( 'Public key' )['status'], var_export( $key, true ) );
		}
	}
);

test(
	'element script: none or http:// is a problem; an https setting or a dist/ copy in the plugin is ok',
	static function () {
		assert_same( 'problem', mp_test_row( 'Element script' )['status'], 'none' );
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		assert_same( 'ok', mp_test_row( 'Element script' )['status'], 'setting' );
		assert_contains( 'https://cdn.example/mp-checkout.js', mp_test_row( 'Element script' )['detail'], 'setting' );
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'http://cdn.example/mp-checkout.js' ) );
		$row = mp_test_row( 'Element script' );
		assert_same( array( 'R3', 'problem' ), array( $row['id'], $row['status'] ), 'http:// script (mixed content)' );

		mp_test_delete_option( 'mp_checkout_settings' );
		mkdir( MP_CHECKOUT_DIR . '/dist' );
		file_put_contents( MP_CHECKOUT_DIR . '/dist/mp-checkout.js', '// the element' );
		$row = mp_test_row( 'Element script' );
		mp_test_remove_tree( MP_CHECKOUT_DIR . '/dist' );
		assert_same( 'ok', $row['status'], 'bundled copy' );
		assert_contains( 'https://shop.example/wp-content/plugins/mp-checkout/dist/mp-checkout.js', $row['detail'], 'bundled copy URL' );
	}
);

test(
	'R1: a dist/sandbox folder (the MercadoPago.js test double) in the plugin is a problem',
	static function () {
		mkdir( MP_CHECKOUT_DIR . '/dist/sandbox', 0777, true );
		$rows = mp_test_rows( 'MercadoPago.js from Mercado Pago' );
		mp_test_remove_tree( MP_CHECKOUT_DIR . '/dist' );
		assert_same( array( 'problem', 'unknown' ), array_column( $rows, 'status' ), 'R1 rows' );
		assert_same( array( 'unknown' ), array_column( mp_test_rows( 'MercadoPago.js from Mercado Pago' ), 'status' ), 'without it' );
	}
);

test(
	'payment endpoint: missing is a problem (R6), http:// is a problem (R3), https:// or a path ok',
	static function () {
		$cases = array(
			''                                => array( 'R6', 'problem' ),
			'http://shop.example/pay'         => array( 'R3', 'problem' ),
			'HTTP://shop.example/pay'         => array( 'R3', 'problem' ),
			'https://api.shop.example/pay'    => array( 'R6', 'ok' ),
			'/wp-json/shop/v1/pay'            => array( 'R6', 'ok' ),
		);
		foreach ( $cases as $url => $expected ) {
			mp_test_set_option( 'mp_checkout_settings', array( 'action' => $url ) );
			$row = mp_test_row( 'Payment endpoint' );
			assert_same( $expected, array( $row['id'], $row['status'] ), $url );
		}
	}
);

test(
	'R5: the status endpoint decides its row; the webhook row stays unknown',
	static function () {
		assert_same( 'problem', mp_test_row( 'Status endpoint' )['status'], 'unset' );
		mp_test_set_option( 'mp_checkout_settings', array( 'status_action' => '/status' ) );
		assert_same( 'ok', mp_test_row( 'Status endpoint' )['status'], 'set' );
		assert_same( 'unknown', mp_test_row( 'Webhooks received and their signature checked' )['status'], 'webhooks' );
	}
);

test(
	'R8: Argentina (from the site, the language setting or WordPress\'s language) asks for the disclosure elsewhere',
	static function () {
		$title = 'Argentina: transparent prices (Resolution E 51/2017)';
		mp_test_set_option( 'mp_checkout_settings', array( 'site' => 'MLA' ) );
		$row = mp_test_row( $title );
		assert_same( 'warning', $row['status'], 'site MLA' );
		assert_contains( 'CFT', $row['detail'], 'names the CFT' );

		mp_test_set_option( 'mp_checkout_settings', array( 'locale' => 'es-AR' ) );
		assert_same( 'warning', mp_test_row( $title )['status'], 'language es-AR' );

		mp_test_delete_option( 'mp_checkout_settings' );
		add_filter(
			'locale',
			static function () {
				return 'es_AR';
			}
		);
		assert_same( 'warning', mp_test_row( $title )['status'], 'WordPress in es_AR' );
		mp_test_set_option( 'mp_checkout_settings', array( 'site' => 'MLM' ) );
		assert_same( 'ok', mp_test_row( $title )['status'], 'site MLM wins over the language' );
		remove_all_filters( 'locale' );

		mp_test_delete_option( 'mp_checkout_settings' );
		assert_same( 'unknown', mp_test_row( $title )['status'], 'en_US, no site: cannot tell' );
	}
);

test(
	'R9: no terms page, a draft or a deleted one is a problem; a published one is ok',
	static function () {
		$title = 'Terms and conditions';
		assert_same( 'problem', mp_test_row( $title )['status'], 'none' );
		mp_test_add_page( 30, 'Draft', 'draft' );
		mp_test_set_option( 'mp_checkout_settings', array( 'terms_page' => 30 ) );
		assert_same( 'problem', mp_test_row( $title )['status'], 'draft' );
		mp_test_set_option( 'mp_checkout_settings', array( 'terms_page' => 31 ) );
		assert_same( 'problem', mp_test_row( $title )['status'], 'missing' );
		mp_test_add_page( 32, 'Terms' );
		mp_test_set_option( 'mp_checkout_settings', array( 'terms_page' => 32 ) );
		assert_same( 'ok', mp_test_row( $title )['status'], 'published' );
	}
);
