<?php
/**
 * Loading the element on WordPress before 6.5 (Debian's 6.1): a classic enqueue whose tag becomes
 * type="module", printed by WordPress's real WP_Scripts.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

/**
 * What WordPress prints for the enqueued scripts.
 *
 * @return string HTML.
 */
function mp_test_print_scripts() {
	ob_start();
	wp_scripts()->do_items();
	return ob_get_clean();
}

/**
 * The <script> elements in HTML, as attribute arrays.
 *
 * @param string $html HTML.
 * @return array[]
 */
function mp_test_scripts_in( $html ) {
	$scripts = array();
	foreach ( mp_test_parse_html( $html )->ownerDocument->getElementsByTagName( 'script' ) as $script ) {
		$scripts[] = mp_test_attributes( $script );
	}
	return $scripts;
}

test(
	'this WordPress has no script modules, so the classic path is the one under test',
	static function () {
		assert_true( ! function_exists( 'wp_enqueue_script_module' ), 'no wp_enqueue_script_module() in WordPress ' . $GLOBALS['wp_version'] );
	}
);

test(
	'without a script URL nothing is enqueued',
	static function () {
		mp_checkout_render( array( 'amount' => '1' ) );
		assert_true( ! wp_script_is( 'mp-checkout', 'enqueued' ), 'not enqueued' );
		assert_not_contains( 'mp-checkout', mp_test_print_scripts(), 'printed scripts' );
	}
);

test(
	'rendering a checkout enqueues the element once, in the footer, as type="module", exactly at the URL set',
	static function () {
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout@0.1.0/dist/mp-checkout.js' ) );
		assert_true( ! wp_script_is( 'mp-checkout', 'enqueued' ), 'nothing before a checkout renders' );
		mp_checkout_render( array( 'amount' => '1' ) );
		mp_checkout_render( array( 'amount' => '2' ) );
		assert_true( wp_script_is( 'mp-checkout', 'enqueued' ), 'enqueued' );
		assert_same( 1, wp_scripts()->get_data( 'mp-checkout', 'group' ), 'footer group' );
		assert_same(
			array(
				array(
					'type' => 'module',
					'src'  => 'https://cdn.example/mp-checkout@0.1.0/dist/mp-checkout.js',
					'id'   => 'mp-checkout-js',
				),
			),
			mp_test_scripts_in( mp_test_print_scripts() ),
			'printed scripts'
		);
	}
);

test(
	'a theme without html5 script support gets type="module" instead of text/javascript, not both',
	static function () {
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		mp_checkout_render();
		// Another classic script shows what WordPress writes for this theme.
		wp_enqueue_script( 'other', 'https://x.example/other.js', array(), null, true );
		$html    = mp_test_print_scripts();
		$scripts = mp_test_scripts_in( $html );
		assert_same( array( 'mp-checkout-js' => 'module', 'other-js' => 'text/javascript' ), array_column( $scripts, 'type', 'id' ), 'types' );
		preg_match( '/<script[^>]*mp-checkout-js[^>]*>/', $html, $tag );
		assert_same( 1, substr_count( $tag[0], 'type=' ), 'one type attribute on the element\'s tag' );

		mp_test_reset_state();
		add_theme_support( 'html5', array( 'script' ) );
		// Themes declare support on after_setup_theme, before WordPress sets up its scripts.
		$GLOBALS['wp_scripts'] = new WP_Scripts();
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		mp_checkout_render();
		wp_enqueue_script( 'other', 'https://x.example/other.js', array(), null, true );
		$scripts = mp_test_scripts_in( mp_test_print_scripts() );
		assert_same( array( 'mp-checkout-js' => 'module', 'other-js' => null ), array_column( array_map( static function ( $script ) { return $script + array( 'type' => null ); }, $scripts ), 'type', 'id' ), 'html5 theme' );
	}
);

test(
	'an inline script printed with the handle stays a classic script',
	static function () {
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		mp_checkout_render();
		wp_add_inline_script( 'mp-checkout', 'window.beforeElement = 1;', 'before' );
		wp_add_inline_script( 'mp-checkout', 'window.afterElement = 1;' );
		$scripts = mp_test_scripts_in( mp_test_print_scripts() );
		$types   = array();
		foreach ( $scripts as $script ) {
			$types[ $script['id'] ] = isset( $script['type'] ) ? $script['type'] : '';
		}
		assert_same(
			array(
				'mp-checkout-js-before' => 'text/javascript',
				'mp-checkout-js'        => 'module',
				'mp-checkout-js-after'  => 'text/javascript',
			),
			$types,
			'types'
		);
	}
);

test(
	'the filter leaves other handles alone',
	static function () {
		$tag = "<script src='https://x.example/other.js' id='other-js'></script>\n";
		assert_same( $tag, mp_checkout_module_script_tag( $tag, 'other' ), 'other handle' );
	}
);

test(
	'a copy of dist/ in the plugin folder is used when no URL is set, versioned with the plugin',
	static function () {
		mkdir( MP_CHECKOUT_DIR . '/dist' );
		file_put_contents( MP_CHECKOUT_DIR . '/dist/mp-checkout.js', '// the element' );
		mp_checkout_render();
		$scripts = mp_test_scripts_in( mp_test_print_scripts() );
		mp_test_remove_tree( MP_CHECKOUT_DIR . '/dist' );
		assert_same( 'https://shop.example/wp-content/plugins/mp-checkout/dist/mp-checkout.js?ver=0.1.0', $scripts[0]['src'], 'src' );

		mp_test_reset_state();
		mkdir( MP_CHECKOUT_DIR . '/dist' );
		file_put_contents( MP_CHECKOUT_DIR . '/dist/mp-checkout.js', '// the element' );
		mp_test_set_option( 'mp_checkout_settings', array( 'script_url' => 'https://cdn.example/mp-checkout.js' ) );
		mp_checkout_render();
		$scripts = mp_test_scripts_in( mp_test_print_scripts() );
		mp_test_remove_tree( MP_CHECKOUT_DIR . '/dist' );
		assert_same( 'https://cdn.example/mp-checkout.js', $scripts[0]['src'], 'the setting wins over the copy' );
	}
);

test(
	'the plugin never loads anything from Mercado Pago: the element loads MercadoPago.js itself',
	static function () {
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'public_key' => 'TEST-abc',
				'script_url' => 'https://cdn.example/mp-checkout.js',
			)
		);
		$html = mp_checkout_render( array( 'amount' => '1' ) ) . mp_test_print_scripts();
		assert_not_contains( 'mercadopago.com', $html, 'page output' );
		$plugin = '';
		foreach ( new RecursiveIteratorIterator( new RecursiveDirectoryIterator( MP_CHECKOUT_DIR, FilesystemIterator::SKIP_DOTS ) ) as $file ) {
			if ( preg_match( '/\.(php|js|json)$/', $file->getFilename() ) ) {
				$plugin .= file_get_contents( $file->getPathname() );
			}
		}
		preg_match_all( '#https?://[^\s\'"<>)]*mercadopago[^\s\'"<>)]*#i', $plugin, $urls );
		assert_same( array(), array_values( array_diff( array_unique( $urls[0] ), array( 'https://sdk.mercadopago.com/js/v2' ) ) ), 'Mercado Pago URLs in the plugin besides the one it explains' );
	}
);
