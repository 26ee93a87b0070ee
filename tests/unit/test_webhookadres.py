"""Which webhook URLs are refused (SSRF), without a network: names resolve through a table (localhost through
the system)."""

import json

import pytest

from warmdoor.api.problems import van_domein
from warmdoor.domain.errors import OngeldigeInvoer
from warmdoor.domain.webhookadres import Doel, OngeldigAdres, controleer, toegestaan

PUBLIEK = "93.184.215.14"


def tabel(**namen: list[str]):
    """A resolver that knows only these names (dots written as underscores)."""

    def resolver(host: str, port: int) -> list[str]:
        try:
            return namen[host.replace(".", "_").replace("-", "_")]
        except KeyError:
            raise OSError("unknown host") from None

    return resolver


def geweigerd(url: str, resolver=None, **kwargs) -> OngeldigAdres:
    with pytest.raises(OngeldigAdres) as info:
        controleer(url, resolver or tabel(), **kwargs)
    return info.value


def test_a_public_https_url_is_accepted_with_the_addresses_to_connect_to():
    doel = controleer(
        "https://Hooks.Example.org/warmdoor?klant=7#x", tabel(hooks_example_org=[PUBLIEK, "2606:2800::1"])
    )
    assert doel == Doel(
        url="https://Hooks.Example.org/warmdoor?klant=7#x",
        host="hooks.example.org",
        port=443,
        pad="/warmdoor?klant=7",
        https=True,
        adressen=(PUBLIEK, "2606:2800::1"),
    )


def test_a_url_without_a_path_posts_to_the_root_on_its_own_port():
    doel = controleer("https://hooks.example.org:8443", tabel(hooks_example_org=[PUBLIEK]))
    assert (doel.pad, doel.port) == ("/", 8443)


def test_the_refusal_is_a_400_naming_the_field_url_with_the_reason():
    fout = geweigerd("http://hooks.example.org/")
    assert isinstance(fout, OngeldigeInvoer)
    assert [(p.name, p.code, p.reason) for p in fout.params] == [("url", "https", "De URL moet https zijn")]
    assert str(fout) == "De URL moet https zijn"


@pytest.mark.parametrize("url", ["http://hooks.example.org/", "ftp://hooks.example.org/", "hooks.example.org/x", ""])
def test_only_https_is_allowed(url):
    assert geweigerd(url, tabel(hooks_example_org=[PUBLIEK])).reden == "De URL moet https zijn"


@pytest.mark.parametrize(
    ("url", "adres"),
    [
        ("https://127.0.0.1/", "127.0.0.1"),
        ("https://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("https://10.1.2.3/", "10.1.2.3"),
        ("https://172.16.0.1/", "172.16.0.1"),
        ("https://192.168.1.1/", "192.168.1.1"),
        ("https://100.64.0.1/", "100.64.0.1"),
        ("https://0.0.0.0/", "0.0.0.0"),  # noqa: S104 (a URL under test, nothing binds to it)
        ("https://224.0.0.1/", "224.0.0.1"),
        ("https://255.255.255.255/", "255.255.255.255"),
        ("https://[::1]/", "::1"),
        ("https://[::]/", "::"),
        ("https://[fe80::1]/", "fe80::1"),
        ("https://[fd00:ec2::254]/", "fd00:ec2::254"),
        ("https://[::ffff:127.0.0.1]/", "::ffff:7f00:1"),
        ("https://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe"),
        ("https://[64:ff9b::10.0.0.1]/", "64:ff9b::a00:1"),
        ("https://[2002:a00:1::]/", "2002:a00:1::"),
        ("https://[ff02::1]/", "ff02::1"),
        # the other ways clients read an IPv4 address
        ("https://2130706433/", "127.0.0.1"),
        ("https://0x7f.1/", "127.0.0.1"),
        ("https://0177.0.0.1/", "127.0.0.1"),
        ("https://127.1/", "127.0.0.1"),
        ("https://0xa9fea9fe/", "169.254.169.254"),
        ("https://127.0.0.1./", "127.0.0.1"),
    ],
)
def test_an_internal_ip_address_is_refused_without_a_lookup(url, adres):
    fout = geweigerd(url)  # the empty table would answer "cannot be looked up"
    assert fout.reden == f"De URL verwijst naar een intern adres ({adres})"
    assert fout.params[0].code == "internal_address"


def test_a_name_that_resolves_to_a_private_address_is_refused():
    fout = geweigerd("https://intranet.example.org/", tabel(intranet_example_org=["10.0.0.5"]))
    assert fout.reden == "De URL verwijst naar een intern adres (10.0.0.5)"


def test_every_address_of_a_name_is_checked_not_just_the_first():
    resolver = tabel(gemengd_example_org=[PUBLIEK, "2606:2800::1", "fd12::1"])
    assert geweigerd("https://gemengd.example.org/", resolver).reden.endswith("(fd12::1)")


def test_the_real_localhost_is_refused():
    with pytest.raises(OngeldigAdres, match="intern adres"):
        controleer("https://localhost/")


def test_a_name_that_cannot_be_looked_up_is_refused():
    assert geweigerd("https://bestaat-niet.example.org/").reden == (
        "De hostnaam bestaat-niet.example.org kan niet worden opgezocht"
    )
    assert geweigerd("https://leeg.example.org/", tabel(leeg_example_org=[])).params[0].code == "unresolvable"


@pytest.mark.parametrize(
    "url", ["https://ik:geheim@hooks.example.org/", "https://ik@hooks.example.org/", "https://@hooks.example.org/"]
)
def test_user_info_is_refused(url):
    assert geweigerd(url).reden == "De URL mag geen gebruikersnaam of wachtwoord bevatten"


@pytest.mark.parametrize(
    "url", ["https://hooks.example.org:0/", "https://hooks.example.org:65536/", "https://hooks.example.org:+443/"]
)
def test_a_port_outside_1_to_65535_is_refused(url):
    assert geweigerd(url).params[0].code == "port"


@pytest.mark.parametrize(
    "url",
    [
        "https:///pad",
        "https://hooks..example.org/",
        "https://hooks.example.org%2f/",
        "https://[fe80::1%25eth0]/",
        "https://[::1/",
        "https://" + "a" * 64 + ".example.org/",
    ],
)
def test_a_malformed_host_is_refused(url):
    assert geweigerd(url).params[0].code == "host"


@pytest.mark.parametrize(
    "url", ["https://hooks.example.org/a b", "https://bücher.example/", "https://h\n.example.org/"]
)
def test_spaces_control_characters_and_non_ascii_are_refused(url):
    assert geweigerd(url).params[0].code == "character"


def test_a_url_longer_than_2000_characters_is_refused():
    resolver = tabel(hooks_example_org=[PUBLIEK])
    controleer("https://hooks.example.org/" + "a" * (2000 - 26), resolver)
    assert geweigerd("https://hooks.example.org/" + "a" * (2001 - 26), resolver).params[0].code == "max_length"


def test_a_local_origin_may_be_http_and_private_but_only_that_exact_origin():
    lokaal = frozenset({"http://127.0.0.1:8123"})
    doel = controleer("http://127.0.0.1:8123/_local/webhooks/evides", lokaal=lokaal)
    assert (doel.https, doel.adressen, doel.pad) == (False, ("127.0.0.1",), "/_local/webhooks/evides")
    assert geweigerd("http://127.0.0.1:8124/_local/webhooks", lokaal=lokaal).reden == "De URL moet https zijn"
    assert "intern adres" in geweigerd("https://127.0.0.1:8123/", lokaal=lokaal).reden
    assert "intern adres" in geweigerd("https://[::1]:8123/", lokaal=lokaal).reden


def test_a_local_origin_must_still_resolve():
    lokaal = frozenset({"https://ontvanger.test:8443"})
    assert controleer("https://ontvanger.test:8443/", tabel(ontvanger_test=["127.0.0.1"]), lokaal).adressen == (
        "127.0.0.1",
    )
    assert geweigerd("https://ontvanger.test:8443/", lokaal=lokaal).params[0].code == "unresolvable"


@pytest.mark.parametrize(
    ("ip", "goed"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("::ffff:8.8.8.8", True),
        ("64:ff9b::8.8.8.8", True),
        ("2002:808:808::1", True),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("198.18.0.1", False),
        ("239.1.1.1", False),
        ("240.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("64:ff9b::192.168.0.1", False),
        ("64:ff9b:1::8.8.8.8", False),
        ("2002:c0a8:1::1", False),
        ("::127.0.0.1", False),
        ("2001::1", False),
        ("2001:db8::1", False),
        ("fd00:ec2::254", False),
        ("fe80::1%eth0", False),
        ("ff0e::1", False),
    ],
)
def test_which_addresses_count_as_public(ip, goed):
    assert toegestaan(ip) is goed


def test_the_api_answers_a_refused_url_with_a_400_problem_naming_the_field():
    antwoord = van_domein(OngeldigAdres("internal_address", "De URL verwijst naar een intern adres (10.1.2.3)"))
    body = json.loads(str(antwoord.body))
    assert (antwoord.status_code, antwoord.content_type) == (400, "application/problem+json")
    assert body["invalidParams"] == [
        {"name": "url", "code": "internal_address", "reason": "De URL verwijst naar een intern adres (10.1.2.3)"}
    ]
