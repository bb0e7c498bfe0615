"""Independent MurmurHash3 x86 32-bit (Austin Appleby's reference, transcribed by hand)."""
M = 0xFFFFFFFF

def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M

def fmix(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M
    h ^= h >> 16
    return h

def murmur3_32(data: bytes, seed: int = 0) -> int:
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & M
    n = len(data)
    nblocks = n // 4
    for i in range(nblocks):
        k = int.from_bytes(data[4 * i:4 * i + 4], "little")
        k = (k * c1) & M
        k = rotl(k, 15)
        k = (k * c2) & M
        h ^= k
        h = rotl(h, 13)
        h = (h * 5 + 0xE6546B64) & M
    tail = data[nblocks * 4:]
    k = 0
    if len(tail) >= 3:
        k ^= tail[2] << 16
    if len(tail) >= 2:
        k ^= tail[1] << 8
    if len(tail) >= 1:
        k ^= tail[0]
        k = (k * c1) & M
        k = rotl(k, 15)
        k = (k * c2) & M
        h ^= k
    h ^= n
    return fmix(h)

# Published reference values (SMHasher verification / widely quoted test vectors).
assert murmur3_32(b"", 0) == 0
assert murmur3_32(b"", 1) == 0x514E28B7
assert murmur3_32(b"", 0xFFFFFFFF) == 0x81F16F39
assert murmur3_32(b"\x00\x00\x00\x00", 0) == 0x2362F9DE
assert murmur3_32(b"\xff\xff\xff\xff", 0) == 0x76293B50
assert murmur3_32(b"\x21\x43\x65\x87", 0) == 0xF55B516B
assert murmur3_32(b"\x21\x43\x65", 0) == 0x7E4A8634
assert murmur3_32(b"\x21\x43", 0) == 0xA0F7B07A
assert murmur3_32(b"\x21", 0) == 0x72661CF4
assert murmur3_32(b"Hello, world!", 0x9747B28C) == 0x24884CBA
assert murmur3_32(b"The quick brown fox jumps over the lazy dog", 0x9747B28C) == 0x2FA826CD
