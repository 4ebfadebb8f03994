<?php
/**
 * Test bootstrap: WordPress's own code, without a database or an HTTP request.
 *
 * The escaping, shortcode, block, script, options, Settings API, capability and link functions under
 * test are WordPress's real ones, loaded from the core files of Debian's `wordpress` package
 * (6.1 on Debian 12). What needs a database or a logged-in request is replaced, and only that:
 * - the database: a `$wpdb` that finds nothing; options, posts and user meta live in WordPress's real
 *   object cache, where WordPress looks before it asks the database (mp_test_set_option(),
 *   mp_test_add_page(), mp_test_log_in());
 * - two pluggable functions (WordPress lets sites replace them): wp_get_current_user() and
 *   wp_create_nonce(), see below.
 *
 * The plugin is copied to a fresh temporary plugins folder, so a dist/ copy in the working tree
 * cannot change a result, and a test can add one.
 *
 * @package MpCheckout
 */

error_reporting( E_ALL );

/**
 * Where WordPress's core files are: $MP_CHECKOUT_WP_CORE, Debian's installed package, or the package
 * unpacked by .ci/run into .cache/wordpress (which avoids installing its web-server dependencies).
 *
 * @return string
 */
function mp_test_wordpress_core() {
	$repository = dirname( __DIR__, 3 );
	$candidates = array_filter(
		array(
			getenv( 'MP_CHECKOUT_WP_CORE' ),
			'/usr/share/wordpress',
			$repository . '/.cache/wordpress/usr/share/wordpress',
		)
	);
	foreach ( $candidates as $candidate ) {
		if ( is_file( $candidate . '/wp-includes/formatting.php' ) ) {
			return rtrim( $candidate, '/' );
		}
	}
	fwrite( STDERR, "WordPress core files not found (tried: " . implode( ', ', $candidates ) . ").\n"
		. "Install Debian's package (apt-get install wordpress), or unpack it without its dependencies:\n"
		. "  apt-get download wordpress && dpkg-deb -x wordpress_*.deb .cache/wordpress\n" );
	exit( 2 );
}

$mp_test_tmp = sys_get_temp_dir() . '/mp-checkout-wp-test-' . getmypid() . '-' . bin2hex( random_bytes( 4 ) );
register_shutdown_function(
	static function () use ( $mp_test_tmp ) {
		mp_test_remove_tree( $mp_test_tmp );
	}
);

/**
 * Removes a folder and its contents.
 *
 * @param string $path Folder.
 */
function mp_test_remove_tree( $path ) {
	if ( ! is_dir( $path ) || is_link( $path ) ) {
		if ( file_exists( $path ) || is_link( $path ) ) {
			unlink( $path );
		}
		return;
	}
	foreach ( scandir( $path ) as $entry ) {
		if ( '.' !== $entry && '..' !== $entry ) {
			mp_test_remove_tree( $path . '/' . $entry );
		}
	}
	rmdir( $path );
}

/**
 * Copies a folder.
 *
 * @param string $from Source.
 * @param string $to   Destination.
 */
function mp_test_copy_tree( $from, $to ) {
	mkdir( $to, 0777, true );
	foreach ( scandir( $from ) as $entry ) {
		if ( '.' === $entry || '..' === $entry || 'dist' === $entry ) {
			continue;
		}
		if ( is_dir( "$from/$entry" ) ) {
			mp_test_copy_tree( "$from/$entry", "$to/$entry" );
		} else {
			copy( "$from/$entry", "$to/$entry" );
		}
	}
}

mp_test_copy_tree( dirname( __DIR__ ) . '/mp-checkout', $mp_test_tmp . '/plugins/mp-checkout' );

define( 'ABSPATH', mp_test_wordpress_core() . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_DEBUG', true ); // Makes _doing_it_wrong() and deprecations notices, which fail the test.
define( 'WP_CONTENT_DIR', $mp_test_tmp );
define( 'WP_PLUGIN_DIR', $mp_test_tmp . '/plugins' );

require ABSPATH . WPINC . '/version.php';
require ABSPATH . WPINC . '/load.php';
require ABSPATH . WPINC . '/default-constants.php';
require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/functions.php'; // Also loads option.php.
require ABSPATH . WPINC . '/cache.php';
require ABSPATH . WPINC . '/class-wp-error.php';
require ABSPATH . WPINC . '/class-wpdb.php'; // For its OBJECT, ARRAY_A… constants; never instantiated.
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/kses.php';
require ABSPATH . WPINC . '/http.php';
require ABSPATH . WPINC . '/pomo/mo.php';
require ABSPATH . WPINC . '/l10n.php';
require ABSPATH . WPINC . '/class-wp-textdomain-registry.php';
require ABSPATH . WPINC . '/class-wp-locale.php';
require ABSPATH . WPINC . '/general-template.php';
require ABSPATH . WPINC . '/link-template.php';
require ABSPATH . WPINC . '/theme.php';
require ABSPATH . WPINC . '/class-wp-rewrite.php';
require ABSPATH . WPINC . '/post.php';
require ABSPATH . WPINC . '/class-wp-post.php';
require ABSPATH . WPINC . '/class-wp-post-type.php';
require ABSPATH . WPINC . '/class-wp-list-util.php';
require ABSPATH . WPINC . '/rewrite.php';
require ABSPATH . WPINC . '/post-template.php';
require ABSPATH . WPINC . '/class-wp-walker.php';
require ABSPATH . WPINC . '/class-walker-page-dropdown.php';
require ABSPATH . WPINC . '/meta.php';
require ABSPATH . WPINC . '/user.php';
require ABSPATH . WPINC . '/capabilities.php';
require ABSPATH . WPINC . '/class-wp-roles.php';
require ABSPATH . WPINC . '/class-wp-role.php';
require ABSPATH . WPINC . '/class-wp-user.php';
require ABSPATH . WPINC . '/shortcodes.php';
require ABSPATH . WPINC . '/rest-api.php';
require ABSPATH . WPINC . '/blocks.php';
require ABSPATH . WPINC . '/class-wp-block-type.php';
require ABSPATH . WPINC . '/class-wp-block-type-registry.php';
require ABSPATH . WPINC . '/class-wp-block.php';
require ABSPATH . WPINC . '/class-wp-block-list.php';
require ABSPATH . WPINC . '/class-wp-block-parser.php';
require ABSPATH . WPINC . '/class-wp-block-supports.php';
require ABSPATH . WPINC . '/class-wp-dependencies.php';
require ABSPATH . WPINC . '/class-wp-dependency.php';
require ABSPATH . WPINC . '/class-wp-scripts.php';
require ABSPATH . WPINC . '/functions.wp-scripts.php';
require ABSPATH . 'wp-admin/includes/template.php';
require ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * No database: every query finds nothing. WordPress reads options, posts and user meta from its
 * object cache first, and the tests put what they need there.
 */
final class MP_Test_No_Database {
	/** @var string */
	public $prefix = 'wp_';
	/** @var string */
	public $options = 'wp_options';
	/** @var string */
	public $posts = 'wp_posts';
	/** @var string */
	public $postmeta = 'wp_postmeta';
	/** @var string */
	public $usermeta = 'wp_usermeta';

	public function prepare( $query, ...$args ) {
		return $query;
	}
	public function get_row( ...$args ) {
		return null;
	}
	public function get_results( ...$args ) {
		return array();
	}
	public function get_var( ...$args ) {
		return null;
	}
	public function get_col( ...$args ) {
		return array();
	}
	public function query( ...$args ) {
		throw new LogicException( 'A test wrote to the database: ' . (string) ( $args[0] ?? '' ) );
	}
	public function get_blog_prefix( $blog_id = null ) {
		return $this->prefix;
	}
	public function suppress_errors( $suppress = true ) {
		return false;
	}
}
$GLOBALS['wpdb'] = new MP_Test_No_Database();

wp_cache_init();

/**
 * Sets an option where get_option() finds it (the autoloaded options in the object cache).
 *
 * @param string $name  Option.
 * @param mixed  $value Value.
 */
function mp_test_set_option( $name, $value ) {
	$all          = wp_cache_get( 'alloptions', 'options' );
	$all          = is_array( $all ) ? $all : array();
	$all[ $name ] = maybe_serialize( $value );
	wp_cache_set( 'alloptions', $all, 'options' );
	// get_option() remembers options it did not find; forget that this one was missing.
	$missing = wp_cache_get( 'notoptions', 'options' );
	if ( is_array( $missing ) ) {
		unset( $missing[ $name ] );
		wp_cache_set( 'notoptions', $missing, 'options' );
	}
}

/**
 * Removes an option set with mp_test_set_option().
 *
 * @param string $name Option.
 */
function mp_test_delete_option( $name ) {
	$all = wp_cache_get( 'alloptions', 'options' );
	unset( $all[ $name ] );
	wp_cache_set( 'alloptions', $all, 'options' );
}

mp_test_set_option( 'blog_charset', 'UTF-8' );
mp_test_set_option( 'home', 'https://shop.example' );
mp_test_set_option( 'siteurl', 'https://shop.example' );
mp_test_set_option( 'permalink_structure', '' );
mp_test_set_option( 'WPLANG', '' );
// The two core roles the tests need, as populate_roles() stores them.
mp_test_set_option(
	'wp_user_roles',
	array(
		'administrator' => array(
			'name'         => 'Administrator',
			'capabilities' => array(
				'manage_options' => true,
				'edit_posts'     => true,
				'read'           => true,
			),
		),
		'author'        => array(
			'name'         => 'Author',
			'capabilities' => array(
				'edit_posts' => true,
				'read'       => true,
			),
		),
	)
);

wp_initial_constants();
wp_plugin_directory_constants();
wp_set_lang_dir();
$GLOBALS['wp_textdomain_registry'] = new WP_Textdomain_Registry();
$GLOBALS['wp_rewrite']             = new WP_Rewrite();
create_initial_post_types(); // WordPress's own post types and statuses (default-filters.php runs it on init).


/**
 * Pluggable wp_get_current_user(): the user of the last mp_test_log_in(), a real WP_User whose
 * capabilities come from the roles above through WordPress's capability code.
 *
 * @return WP_User
 */
function wp_get_current_user() {
	return isset( $GLOBALS['current_user'] ) ? $GLOBALS['current_user'] : new WP_User( 0 );
}

/**
 * Pluggable wp_create_nonce(): the real one hashes the session token with the site's salts, which
 * need a logged-in cookie. A fixed value per action lets the tests see which action it was made for.
 *
 * @param string|int $action Nonce action.
 * @return string
 */
function wp_create_nonce( $action = -1 ) {
	return substr( md5( 'mp-test-nonce|' . $action ), 0, 10 );
}

/**
 * Logs a user with a role in (or nobody, with null).
 *
 * @param string|null $role 'administrator', 'author' or null.
 */
function mp_test_log_in( $role ) {
	if ( null === $role ) {
		$GLOBALS['current_user'] = new WP_User( 0 );
		return;
	}
	$id = 'administrator' === $role ? 1 : 2;
	wp_cache_set( $id, array( 'wp_capabilities' => array( maybe_serialize( array( $role => true ) ) ) ), 'user_meta' );
	$GLOBALS['current_user'] = new WP_User(
		(object) array(
			'ID'         => $id,
			'user_login' => $role,
		)
	);
}

/**
 * Adds a page where get_post() finds it (the object cache).
 *
 * @param int    $id     Post id.
 * @param string $title  Title.
 * @param string $status Post status.
 */
function mp_test_add_page( $id, $title, $status = 'publish' ) {
	wp_cache_set(
		$id,
		(object) array(
			'ID'             => $id,
			'post_type'      => 'page',
			'post_status'    => $status,
			'post_title'     => $title,
			'post_name'      => sanitize_title( $title ),
			'post_parent'    => 0,
			'post_password'  => '',
			'post_content'   => '',
			'post_date'      => '2024-01-01 00:00:00',
			'post_date_gmt'  => '2024-01-01 00:00:00',
			'post_author'    => 1,
			'comment_status' => 'closed',
			'filter'         => 'raw',
		),
		'posts'
	);
}

/**
 * Puts the site back as every test starts from it: nothing configured, https addresses and request, nobody
 * logged in, no script enqueued, no settings error, no filter of the tests.
 */
function mp_test_reset_state() {
	mp_test_delete_option( 'mp_checkout_settings' );
	mp_test_set_option( 'home', 'https://shop.example' );
	mp_test_set_option( 'siteurl', 'https://shop.example' );
	mp_test_set_option( 'WPLANG', '' );
	mp_test_https_request();
	$GLOBALS['wp_settings_errors'] = array();
	// The scripts as the plugin's init left them (the block's editor script), nothing enqueued.
	$GLOBALS['wp_scripts']         = unserialize( $GLOBALS['mp_test_scripts_after_init'] );
	remove_all_filters( 'mp_checkout_tag_attributes' );
	remove_theme_support( 'html5' );
	mp_test_log_in( null );
}

/**
 * Parses HTML as a browser would receive it in a UTF-8 page, and returns the <body> holding it.
 *
 * @param string $html HTML fragment.
 * @return DOMElement
 */
function mp_test_parse_html( $html ) {
	$document = new DOMDocument();
	$previous = libxml_use_internal_errors( true ); // <mp-checkout> is not HTML 4, which libxml knows.
	$document->loadHTML(
		'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>' . $html . '</body></html>',
		LIBXML_PARSEHUGE | LIBXML_NONET
	);
	libxml_clear_errors();
	libxml_use_internal_errors( $previous );
	return $document->getElementsByTagName( 'body' )->item( 0 );
}

/**
 * The attributes of an element, name => value, in document order.
 *
 * @param DOMElement $element Element.
 * @return array<string, string>
 */
function mp_test_attributes( $element ) {
	$attributes = array();
	foreach ( $element->attributes as $attribute ) {
		$attributes[ $attribute->name ] = $attribute->value;
	}
	return $attributes;
}

/**
 * Renders a checkout and parses it back: fails unless the markup is exactly one <mp-checkout>
 * element, whose only possible child is the terms link, with no <script> anywhere.
 *
 * @param string $html Rendered HTML.
 * @return DOMElement The <mp-checkout> element.
 */
function mp_test_single_checkout( $html ) {
	$body     = mp_test_parse_html( $html );
	$children = array();
	foreach ( $body->childNodes as $node ) {
		if ( XML_TEXT_NODE === $node->nodeType && '' === trim( $node->textContent ) ) {
			continue;
		}
		$children[] = $node;
	}
	assert_same( 1, count( $children ), 'top-level nodes of ' . $html );
	assert_same( 'mp-checkout', $children[0]->nodeName, 'element' );
	assert_same( 0, $body->getElementsByTagName( 'script' )->length, 'script elements in ' . $html );
	foreach ( $children[0]->childNodes as $child ) {
		assert_true( XML_ELEMENT_NODE === $child->nodeType && 'a' === $child->nodeName && 'terms' === $child->getAttribute( 'slot' ), 'only the terms link may be inside <mp-checkout>: ' . $html );
	}
	return $children[0];
}

/**
 * Adds the_content's filters exactly as wp-includes/default-filters.php adds them (same functions,
 * same priorities), read from that file; those whose functions this bootstrap does not load
 * (media, smilies data, https migration) are left out, and the ones that change text must be there.
 *
 * @return string[] The functions added.
 */
function mp_test_add_content_filters() {
	$source = file_get_contents( ABSPATH . WPINC . '/default-filters.php' );
	preg_match_all( "/^add_filter\\( 'the_content', '(\\w+)'(?:, (\\d+))? \\);/m", $source, $found, PREG_SET_ORDER );
	$added = array();
	foreach ( $found as $match ) {
		if ( function_exists( $match[1] ) && ! has_filter( 'the_content', $match[1] ) ) {
			add_filter( 'the_content', $match[1], isset( $match[2] ) ? (int) $match[2] : 10 );
		}
		if ( has_filter( 'the_content', $match[1] ) ) {
			$added[] = $match[1];
		}
	}
	foreach ( array( 'do_blocks', 'wptexturize', 'wpautop', 'shortcode_unautop', 'do_shortcode' ) as $needed ) {
		if ( ! in_array( $needed, $added, true ) ) {
			throw new RuntimeException( "the_content does not run $needed" );
		}
	}
	return $added;
}

/**
 * The request being served came over HTTPS to the site's host (what is_ssl() and set_url_scheme() read).
 */
function mp_test_https_request() {
	$_SERVER['HTTPS']       = 'on';
	$_SERVER['HTTP_HOST']   = 'shop.example';
	$_SERVER['REQUEST_URI'] = '/';
}
mp_test_https_request();

// Load the plugin as wp-settings.php loads an active plugin, then run the init hooks.
$GLOBALS['wp_plugin_paths'] = array();
wp_register_plugin_realpath( WP_PLUGIN_DIR . '/mp-checkout/mp-checkout.php' );
require WP_PLUGIN_DIR . '/mp-checkout/mp-checkout.php';
do_action( 'init' );
$GLOBALS['mp_test_scripts_after_init'] = serialize( wp_scripts() );
