<?php
/**
 * The plugin's translations, made with WordPress's own PO/MO classes (wp-includes/pomo).
 *
 *     php integrations/wordpress/tools/i18n.php
 *
 * 1. extracts every translatable string of the plugin (PHP through PHP's tokenizer, the editor
 *    script, and block.json's title, description and keywords as WordPress translates them);
 * 2. writes languages/mp-checkout.pot;
 * 3. brings each languages/*.po in line with it (new strings get an empty translation, strings no
 *    longer used are dropped), keeping the translations already there;
 * 4. compiles each .po to .mo, and to the JSON file the block editor reads for editor.js.
 *
 * The .po files are the ones people edit; the .pot, .mo and .json are generated, and
 * tests/i18n-test.php fails when they drift from the code or from the .po files.
 *
 * @package MpCheckout
 */

const MP_I18N_DOMAIN = 'mp-checkout';

/**
 * The plugin folder.
 *
 * @return string
 */
function mp_i18n_plugin_dir() {
	return dirname( __DIR__ ) . '/mp-checkout';
}

/**
 * Loads WordPress's PO and MO classes from the same core files the tests use.
 */
function mp_i18n_load_pomo() {
	if ( class_exists( 'PO' ) ) {
		return;
	}
	$repository = dirname( __DIR__, 3 );
	foreach ( array_filter( array( getenv( 'MP_CHECKOUT_WP_CORE' ), '/usr/share/wordpress', $repository . '/.cache/wordpress/usr/share/wordpress' ) ) as $core ) {
		if ( is_file( "$core/wp-includes/pomo/po.php" ) ) {
			require_once "$core/wp-includes/pomo/po.php";
			require_once "$core/wp-includes/pomo/mo.php";
			return;
		}
	}
	fwrite( STDERR, "WordPress core files not found (see .ci/run).\n" );
	exit( 2 );
}

/**
 * Decodes a PHP or JavaScript string literal in single or double quotes (as the plugin writes them).
 *
 * @param string $literal Literal with its quotes.
 * @return string
 */
function mp_i18n_unquote( $literal ) {
	$quote = $literal[0];
	$body  = substr( $literal, 1, -1 );
	return strtr(
		$body,
		array(
			'\\\\'        => '\\',
			'\\' . $quote => $quote,
		)
	);
}

/**
 * Every translatable string of the plugin, keyed like WordPress keys translations
 * (context, "\4", original).
 *
 * @return array<string, array{context: string|null, singular: string, comment: string, js: bool}>
 */
function mp_i18n_extract() {
	$strings = array();
	$add     = static function ( $singular, $context, $comment, $js ) use ( &$strings ) {
		$key = null === $context ? $singular : $context . "\4" . $singular;
		if ( ! isset( $strings[ $key ] ) ) {
			$strings[ $key ] = array(
				'context'  => $context,
				'singular' => $singular,
				'comment'  => '',
				'js'       => false,
			);
		}
		$strings[ $key ]['js'] = $strings[ $key ]['js'] || $js;
		if ( '' !== $comment && '' === $strings[ $key ]['comment'] ) {
			$strings[ $key ]['comment'] = $comment;
		}
	};

	$gettext = array( '__', '_e', 'esc_html__', 'esc_html_e', 'esc_attr__', 'esc_attr_e' );
	$files   = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( mp_i18n_plugin_dir(), FilesystemIterator::SKIP_DOTS ) );
	$paths   = array();
	foreach ( $files as $file ) {
		$paths[] = $file->getPathname();
	}
	sort( $paths );
	foreach ( $paths as $path ) {
		if ( '.php' === substr( $path, -4 ) && false === strpos( $path, '/dist/' ) ) {
			$tokens  = array_values(
				array_filter(
					token_get_all( file_get_contents( $path ) ),
					static function ( $token ) {
						return ! is_array( $token ) || T_WHITESPACE !== $token[0];
					}
				)
			);
			$comment = '';
			foreach ( $tokens as $i => $token ) {
				if ( is_array( $token ) && T_COMMENT === $token[0] && preg_match( '#^/\*\s*(translators:.*?)\s*\*/$#s', $token[1], $match ) ) {
					$comment = $match[1];
					continue;
				}
				if ( is_array( $token ) && T_STRING === $token[0] && in_array( $token[1], $gettext, true )
					&& '(' === $tokens[ $i + 1 ] && is_array( $tokens[ $i + 2 ] ) && T_CONSTANT_ENCAPSED_STRING === $tokens[ $i + 2 ][0] ) {
					$add( mp_i18n_unquote( $tokens[ $i + 2 ][1] ), null, $comment, false );
					$comment = '';
				}
			}
		}
		if ( '.js' === substr( $path, -3 ) && false === strpos( $path, '/dist/' ) ) {
			$source = file_get_contents( $path );
			preg_match_all( "#(?:/\\*\\s*(translators:[^*]*?)\\s*\\*/\\s*)?\\b__\\(\\s*('(?:[^'\\\\]|\\\\.)*')\\s*,\\s*'" . MP_I18N_DOMAIN . "'\\s*\\)#", $source, $found, PREG_SET_ORDER );
			foreach ( $found as $match ) {
				$add( mp_i18n_unquote( $match[2] ), null, $match[1], true );
			}
		}
	}

	// block.json: WordPress translates these with the contexts of wp-includes/block-i18n.json.
	$block = json_decode( file_get_contents( mp_i18n_plugin_dir() . '/block/block.json' ), true );
	$add( $block['title'], 'block title', '', false );
	$add( $block['description'], 'block description', '', false );
	foreach ( $block['keywords'] as $keyword ) {
		$add( $keyword, 'block keyword', '', false );
	}
	return $strings;
}

/**
 * A Translation_Entry for an extracted string.
 *
 * @param array $string       From mp_i18n_extract().
 * @param array $translations msgstr values.
 * @return Translation_Entry
 */
function mp_i18n_entry( $string, $translations = array() ) {
	return new Translation_Entry(
		array(
			'singular'           => $string['singular'],
			'context'            => $string['context'],
			'extracted_comments' => $string['comment'],
			'translations'       => $translations,
		)
	);
}

/**
 * The .pot for the extracted strings.
 *
 * @param array $strings From mp_i18n_extract().
 * @return PO
 */
function mp_i18n_pot( $strings ) {
	$pot = new PO();
	$pot->set_headers(
		array(
			'Project-Id-Version'        => 'mp-checkout WordPress plugin',
			'MIME-Version'              => '1.0',
			'Content-Type'              => 'text/plain; charset=UTF-8',
			'Content-Transfer-Encoding' => '8bit',
			'X-Domain'                  => MP_I18N_DOMAIN,
		)
	);
	foreach ( $strings as $string ) {
		$pot->add_entry( mp_i18n_entry( $string ) );
	}
	return $pot;
}

/**
 * A .po brought in line with the strings: their order and comments, its translations.
 *
 * @param PO    $po      Existing translations.
 * @param array $strings From mp_i18n_extract().
 * @return PO
 */
function mp_i18n_update_po( $po, $strings ) {
	$updated = new PO();
	$updated->set_headers( $po->headers );
	foreach ( $strings as $key => $string ) {
		$translations = isset( $po->entries[ $key ] ) ? $po->entries[ $key ]->translations : array();
		$updated->add_entry( mp_i18n_entry( $string, $translations ) );
	}
	return $updated;
}

/**
 * The MO for a .po.
 *
 * @param PO $po Translations.
 * @return string MO file bytes.
 */
function mp_i18n_mo_bytes( $po ) {
	$mo = new MO();
	$mo->set_headers( $po->headers );
	foreach ( $po->entries as $entry ) {
		if ( array() !== array_filter( $entry->translations, 'strlen' ) ) {
			$mo->add_entry( $entry );
		}
	}
	return $mo->export();
}

/**
 * The Jed JSON WordPress's load_script_textdomain() reads for the editor script.
 *
 * @param PO     $po      Translations.
 * @param array  $strings From mp_i18n_extract().
 * @param string $locale  e.g. es or pt_BR.
 * @return string JSON.
 */
function mp_i18n_script_json( $po, $strings, $locale ) {
	$messages = array(
		'' => array(
			'domain'       => 'messages',
			'lang'         => $locale,
			'plural-forms' => isset( $po->headers['Plural-Forms'] ) ? $po->headers['Plural-Forms'] : 'nplurals=2; plural=(n != 1);',
		),
	);
	foreach ( $strings as $key => $string ) {
		if ( $string['js'] && isset( $po->entries[ $key ] ) && '' !== (string) reset( $po->entries[ $key ]->translations ) ) {
			$messages[ $key ] = $po->entries[ $key ]->translations;
		}
	}
	return json_encode(
		array(
			'domain'      => 'messages',
			'locale_data' => array( 'messages' => $messages ),
		),
		JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT
	) . "\n";
}

/**
 * Every file this tool writes, path => contents, from the code and the .po files as they are.
 *
 * @return array<string, string>
 */
function mp_i18n_generated_files() {
	mp_i18n_load_pomo();
	$languages = mp_i18n_plugin_dir() . '/languages';
	$strings   = mp_i18n_extract();
	$files     = array( "$languages/mp-checkout.pot" => mp_i18n_pot( $strings )->export() . "\n" );
	foreach ( glob( "$languages/mp-checkout-*.po" ) as $po_file ) {
		$po = new PO();
		$po->import_from_file( $po_file );
		$po     = mp_i18n_update_po( $po, $strings );
		$locale = substr( basename( $po_file, '.po' ), strlen( 'mp-checkout-' ) );
		$files[ $po_file ] = $po->export() . "\n";
		$files[ "$languages/mp-checkout-$locale.mo" ] = mp_i18n_mo_bytes( $po );
		$files[ "$languages/mp-checkout-$locale-mp-checkout-block-editor.json" ] = mp_i18n_script_json( $po, $strings, $locale );
	}
	return $files;
}

if ( PHP_SAPI === 'cli' && isset( $argv[0] ) && realpath( $argv[0] ) === __FILE__ ) {
	foreach ( mp_i18n_generated_files() as $path => $contents ) {
		file_put_contents( $path, $contents );
		echo 'wrote ' . basename( $path ) . "\n";
	}
}
