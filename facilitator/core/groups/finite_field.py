"""Arithmetic in the finite fields of prime-power size, for the grids and planes of the groups."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


class FiniteField:
    """Arithmetic in a finite field of p**k elements, numbered 0..p**k - 1 by their digits."""

    def __init__(self, p: int, k: int) -> None:
        """The field of p**k elements: polynomials over Z_p modulo an irreducible one."""
        self.p, self.k = p, k
        self.modulus = _irreducible(p, k)

    @classmethod
    def of(cls, size: int) -> FiniteField | None:
        """The field with `size` elements, or None when `size` is not a prime power."""
        prime = next(d for d in range(2, size + 1) if size % d == 0) if size > 1 else 0
        power, rest = 0, size
        while prime and rest % prime == 0:
            rest //= prime
            power += 1
        return cls(prime, power) if prime and rest == 1 else None

    def digits(self, x: int) -> list[int]:
        """The polynomial coefficients of element x, lowest first."""
        return [x // self.p**d % self.p for d in range(self.k)]

    def number(self, coefficients: list[int]) -> int:
        """The element with these polynomial coefficients."""
        return sum(c * self.p**d for d, c in enumerate(coefficients))

    def add(self, a: int, b: int) -> int:
        """a + b."""
        pairs = zip(self.digits(a), self.digits(b), strict=True)
        return self.number([(x + y) % self.p for x, y in pairs])

    def sub(self, a: int, b: int) -> int:
        """a - b."""
        pairs = zip(self.digits(a), self.digits(b), strict=True)
        return self.number([(x - y) % self.p for x, y in pairs])

    def mul(self, a: int, b: int) -> int:
        """a * b."""
        product = [0] * (2 * self.k - 1)
        for i, x in enumerate(self.digits(a)):
            for j, y in enumerate(self.digits(b)):
                product[i + j] = (product[i + j] + x * y) % self.p
        return self.number(_poly_mod(product, self.modulus, self.p))


def _irreducible(p: int, k: int) -> list[int]:
    """A monic polynomial of degree k over Z_p (coefficients lowest first) with no factor."""
    for tail in range(p**k):
        candidate = [tail // p**d % p for d in range(k)] + [1]
        if all(
            any(_poly_mod(candidate, [*divisor, 1], p))
            for degree in range(1, k // 2 + 1)
            for divisor in _polynomials(p, degree)
        ):
            return candidate
    raise AssertionError("every finite field has an irreducible polynomial")  # pragma: no cover


def _polynomials(p: int, degree: int) -> Iterator[list[int]]:
    """All coefficient lists of length `degree` over Z_p (the non-leading coefficients)."""
    for value in range(p**degree):
        yield [value // p**d % p for d in range(degree)]


def _poly_mod(f: list[int], g: list[int], p: int) -> list[int]:
    """The remainder of f divided by the monic polynomial g over Z_p, len(g) - 1 coefficients."""
    rest = f[:] + [0] * max(0, len(g) - 1 - len(f))
    for shift in range(len(rest) - len(g), -1, -1):
        factor = rest[shift + len(g) - 1]
        if factor:
            for i, c in enumerate(g):
                rest[shift + i] = (rest[shift + i] - factor * c) % p
    return rest[: len(g) - 1]
