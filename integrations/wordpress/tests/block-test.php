<?php
/**
 * The block: registered from block.json by WordPress's register_block_type(), rendered from saved
 * post content by do_blocks(), and its editor script run in Node.
 *
 * @package MpCheckout
 */

require __DIR__ . '/bootstrap.php';

/** @return array The plugin's block.json. */
function mp_test_block_json() {
	return json_decode( file_get_contents( WP_PLUGIN_DIR . '/mp-checkout/block/block.json' ), true );
}

/**
 * Post content holding the block with these attributes, serialized as the editor saves it
 * (serialize_block() escapes <, >, &, " and -- inside the comment's JSON).
 *
 * @param array $attributes Block attributes.
 * @return string
 */
function mp_test_block_content( $attributes ) {
	return serialize_block(
		array(
			'blockName'    => 'mp-checkout/checkout',
			'attrs'        => $attributes,
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		)
	);
}

/**
 * Runs block/editor.js in Node (editor-harness.mjs) with these attributes.
 *
 * @param array $attributes Block attributes.
 * @return array What the harness saw.
 */
function mp_test_run_editor( $attributes ) {
	$command = array( 'node', __DIR__ . '/editor-harness.mjs', WP_PLUGIN_DIR . '/mp-checkout/block/editor.js', wp_json_encode( (object) $attributes ) );
	// npm test runs everything with NODE_OPTIONS=--import tsx; the harness is plain JavaScript.
	$env = getenv();
	unset( $env['NODE_OPTIONS'] );
	$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes, null, $env );
	assert_true( is_resource( $process ), 'node starts' );
	$out    = stream_get_contents( $pipes[1] );
	$errors = stream_get_contents( $pipes[2] );
	fclose( $pipes[1] );
	fclose( $pipes[2] );
	assert_same( 0, proc_close( $process ), "node's exit code ($errors)" );
	return json_decode( $out, true );
}

/** @return array Every block attribute at its block.json default. */
function mp_test_block_defaults() {
	$defaults = array();
	foreach ( mp_test_block_json()['attributes'] as $name => $spec ) {
		$defaults[ $name ] = $spec['default'];
	}
	return $defaults;
}

test(
	'WordPress registers the block from block.json, dynamic, with the editor script',
	static function () {
		$block = WP_Block_Type_Registry::get_instance()->get_registered( 'mp-checkout/checkout' );
		assert_true( $block instanceof WP_Block_Type, 'registered' );
		assert_true( $block->is_dynamic(), 'dynamic' );
		assert_same( 'mp_checkout_render_block', $block->render_callback, 'render callback' );
		assert_same( array( 'mp-checkout-block-editor' ), $block->editor_script_handles, 'editor script' );
		// WordPress adds `lock` to every block (the editor's block locking); it is no §6 attribute and
		// mp_checkout_author_attributes() drops it.
		assert_same( array_merge( array_keys( mp_test_block_json()['attributes'] ), array( 'lock' ) ), array_keys( $block->attributes ), 'attributes' );
		$script = wp_scripts()->query( 'mp-checkout-block-editor' );
		assert_true( false !== $script, 'editor script registered' );
		assert_same( 'https://shop.example/wp-content/plugins/mp-checkout/block/editor.js', $script->src, 'editor script URL' );
	}
);

test(
	'every block attribute is the property of a PRODUCT.md §6 attribute that authors may set',
	static function () {
		$author = array();
		foreach ( mp_checkout_attribute_schema() as $name => $spec ) {
			if ( empty( $spec['from_settings'] ) ) {
				$author[ $spec['property'] ] = $name;
			}
		}
		foreach ( array_keys( mp_test_block_json()['attributes'] ) as $property ) {
			assert_true( isset( $author[ $property ] ), "$property is an author-settable §6 property" );
			$value = 'disabled' === $property ? true : 'v';
			assert_same( array( $author[ $property ] => $value ), mp_checkout_author_attributes( array( $property => $value ) ), $property );
		}
	}
);

test(
	'saved block content renders the tag with the block\'s attributes and the settings',
	static function () {
		mp_test_set_option(
			'mp_checkout_settings',
			array(
				'public_key' => 'TEST-abc',
				'action'     => 'https://shop.example/pay',
				'locale'     => 'es-AR',
			)
		);
		$html    = do_blocks(
			mp_test_block_content(
				array(
					'amount'          => '1500.50',
					'payerEmail'      => 'ana@example.com',
					'items'           => '[{"id":"mate","title":"Mate","quantity":1,"unit_price":1500.5}]',
					'maxInstallments' => '6',
					'disabled'        => true,
				)
			)
		);
		$element = mp_test_single_checkout( $html );
		assert_same(
			array(
				'public-key'       => 'TEST-abc',
				'amount'           => '1500.50',
				'action'           => 'https://shop.example/pay',
				'locale'           => 'es-AR',
				'payer-email'      => 'ana@example.com',
				'items'            => '[{"id":"mate","title":"Mate","quantity":1,"unit_price":1500.5}]',
				'max-installments' => '6',
				'disabled'         => 'disabled',
			),
			mp_test_attributes( $element ),
			'attributes'
		);
	}
);

test(
	'hostile block attributes round-trip exactly; unknown, settings-only and mistyped ones are dropped',
	static function () {
		mp_test_set_option( 'mp_checkout_settings', array( 'public_key' => 'APP_USR-merchant' ) );
		$hostile = '--></mp-checkout><script>alert(1)</script>" onmouseover="alert(1)\' &amp; 🧉';
		$html    = do_blocks(
			mp_test_block_content(
				array(
					'amount'      => '10',
					'description' => $hostile,
					'items'       => '[{"title":"</script><!--"}]',
					'successUrl'  => 'javascript:alert(1)',
					'publicKey'   => 'APP_USR-attacker',
					'action'      => 'https://attacker.example/',
					'onclick'     => 'alert(1)',
					'style'       => 'display:none',
					'disabled'    => 'yes', // Not a boolean: WordPress's schema check drops it.
					'lock'        => array( 'move' => true ),
				)
			)
		);
		$element = mp_test_single_checkout( $html );
		$found   = mp_test_attributes( $element );
		assert_same( array( array( 'title' => '</script><!--' ) ), json_decode( $found['items'], true ), 'items' );
		unset( $found['items'] );
		assert_same(
			array(
				'public-key'  => 'APP_USR-merchant',
				'amount'      => '10',
				// esc_attr() decodes the one entity-like "&amp;" (see render-test.php); all else is exact.
				'description' => str_replace( '&amp;', '&', $hostile ),
			),
			$found,
			'attributes'
		);
	}
);

test(
	'the block inside post content goes through the_content\'s do_blocks like any block',
	static function () {
		add_filter( 'the_content', 'do_blocks', 9 );
		$html = apply_filters( 'the_content', "<!-- wp:paragraph -->\n<p>Pay:</p>\n<!-- /wp:paragraph -->\n\n" . mp_test_block_content( array( 'amount' => '2' ) ) );
		remove_filter( 'the_content', 'do_blocks', 9 );
		assert_same( "\n<p>Pay:</p>\n\n\n<mp-checkout amount=\"2\"></mp-checkout>", $html, 'content' );
	}
);

test(
	'the editor script registers the block, saves nothing, and has one control per block attribute, bound to it',
	static function () {
		$attributes = mp_test_block_defaults();
		$i          = 0;
		foreach ( $attributes as $name => $value ) {
			$attributes[ $name ] = is_bool( $value ) ? true : ( in_array( $name, array( 'site', 'locale' ), true ) ? $value : 'value-' . ( ++$i ) );
		}
		$attributes['site']   = 'MLB';
		$attributes['locale'] = 'pt-BR';
		$seen                 = mp_test_run_editor( $attributes );
		assert_same( array( mp_test_block_json()['name'] ), $seen['registered'], 'registered' );
		assert_same( null, $seen['save'], 'save() output' );

		$bound = array();
		foreach ( $seen['controls'] as $control ) {
			assert_same( 1, count( (array) $control['sets'] ), $control['label'] . ' changes one attribute' );
			$name = array_keys( $control['sets'] )[0];
			assert_same( $attributes[ $name ], $control['shows'], $control['label'] . ' shows ' . $name );
			$bound[] = $name;
		}
		$expected = array_keys( $attributes );
		sort( $expected );
		sort( $bound );
		assert_same( $expected, $bound, 'attributes with a control' );
	}
);

test(
	'the editor offers exactly the sites and languages the settings accept',
	static function () {
		$seen = mp_test_run_editor( mp_test_block_defaults() );
		foreach ( $seen['controls'] as $control ) {
			if ( 'SelectControl' !== $control['type'] ) {
				continue;
			}
			$name     = array_keys( $control['sets'] )[0];
			$expected = array_merge( array( '' ), array_keys( 'site' === $name ? mp_checkout_sites() : mp_checkout_locales() ) );
			assert_same( $expected, $control['options'], $name );
		}
	}
);

test(
	'the editor warns about items that are not a JSON array, and only then',
	static function () {
		$cases = array(
			''                 => array(),
			'[{"id":"a"}]'     => array(),
			'{"id":"a"}'       => array( 'Items must be a JSON array: [ { … }, … ].' ),
			'[{"id":'          => array( 'Items are not valid JSON.' ),
		);
		foreach ( $cases as $items => $notices ) {
			$attributes          = mp_test_block_defaults();
			$attributes['items'] = $items;
			assert_same( $notices, mp_test_run_editor( $attributes )['notices'], "items $items" );
		}
	}
);

test(
	'the editor canvas summarizes the amount, or asks for one',
	static function () {
		$attributes = mp_test_block_defaults();
		assert_same( 'Set the amount in the block settings.', mp_test_run_editor( $attributes )['placeholder'], 'no amount' );
		$attributes['amount']      = '1500.50';
		$attributes['description'] = 'Mate';
		assert_same( 'Amount: 1500.50 · Mate', mp_test_run_editor( $attributes )['placeholder'], 'amount' );
	}
);
